import Foundation
import Testing
import _TestSupport

/// A monthly activity file (`series,month,value`) through `planner forecast`: the golden transcript
/// and the reading errors, each at its FILE:LINE (docs/scenario.md, *Activity*).
@Suite("planner forecast with monthly activity")
struct MonthlyActivityCommandTests {
    static let ledger = """
    line,year,budget,actual
    Service desk,2022/23,"850,000","842,000"
    Service desk,2023/24,"870,000","881,500"

    """
    static let scenario = """
    ledger: ledger.csv
    activity: activity.csv
    target_year: 2024/25
    lines:
      Service desk: "900,000"
    activity_measures:
      Total contacts:
        total_of: [Telephone, Web chat]

    """

    /// Telephone and Web chat: April 2021 to September 2024 (six months of 2024/25 counted); Walk-in:
    /// April 2022 to March 2024. Illustrative figures: an autumn and January peak with 3% noise.
    @Test("golden: a seasonal series, a non-seasonal one, a short one and a total of monthly members")
    func golden() throws {
        let folder = try YearLabelCommandTests.folder([
            "ledger.csv": Self.ledger, "scenario.yaml": Self.scenario,
            "activity.csv": """
            series,month,value
            Telephone,2021-04,4168
            Telephone,2021-05,4037
            Telephone,2021-06,3812
            Telephone,2021-07,3706
            Telephone,2021-08,3907
            Telephone,2021-09,4431
            Telephone,2021-10,4890
            Telephone,2021-11,4361
            Telephone,2021-12,5057
            Telephone,2022-01,4842
            Telephone,2022-02,4190
            Telephone,2022-03,3987
            Telephone,2022-04,3830
            Telephone,2022-05,3915
            Telephone,2022-06,3740
            Telephone,2022-07,3646
            Telephone,2022-08,3662
            Telephone,2022-09,4057
            Telephone,2022-10,4422
            Telephone,2022-11,4076
            Telephone,2022-12,4752
            Telephone,2023-01,4608
            Telephone,2023-02,4037
            Telephone,2023-03,3733
            Telephone,2023-04,3907
            Telephone,2023-05,3708
            Telephone,2023-06,3467
            Telephone,2023-07,3626
            Telephone,2023-08,3766
            Telephone,2023-09,4257
            Telephone,2023-10,4280
            Telephone,2023-11,3881
            Telephone,2023-12,4474
            Telephone,2024-01,4416
            Telephone,2024-02,3888
            Telephone,2024-03,3681
            Telephone,2024-04,3666
            Telephone,2024-05,3417
            Telephone,2024-06,3342
            Telephone,2024-07,3432
            Telephone,2024-08,3470
            Telephone,2024-09,3974
            Web chat,2021-04,1519
            Web chat,2021-05,1374
            Web chat,2021-06,1408
            Web chat,2021-07,1443
            Web chat,2021-08,1420
            Web chat,2021-09,1682
            Web chat,2021-10,1820
            Web chat,2021-11,1641
            Web chat,2021-12,1970
            Web chat,2022-01,1923
            Web chat,2022-02,1608
            Web chat,2022-03,1671
            Web chat,2022-04,1714
            Web chat,2022-05,1657
            Web chat,2022-06,1643
            Web chat,2022-07,1572
            Web chat,2022-08,1698
            Web chat,2022-09,1828
            Web chat,2022-10,2082
            Web chat,2022-11,1850
            Web chat,2022-12,2145
            Web chat,2023-01,2076
            Web chat,2023-02,1829
            Web chat,2023-03,1798
            Web chat,2023-04,1954
            Web chat,2023-05,1694
            Web chat,2023-06,1687
            Web chat,2023-07,1755
            Web chat,2023-08,1977
            Web chat,2023-09,2167
            Web chat,2023-10,2159
            Web chat,2023-11,1951
            Web chat,2023-12,2461
            Web chat,2024-01,2364
            Web chat,2024-02,2038
            Web chat,2024-03,2106
            Web chat,2024-04,2177
            Web chat,2024-05,2031
            Web chat,2024-06,1990
            Web chat,2024-07,1977
            Web chat,2024-08,2224
            Web chat,2024-09,2430
            Walk-in,2022-04,305
            Walk-in,2022-05,290
            Walk-in,2022-06,263
            Walk-in,2022-07,280
            Walk-in,2022-08,299
            Walk-in,2022-09,329
            Walk-in,2022-10,325
            Walk-in,2022-11,309
            Walk-in,2022-12,369
            Walk-in,2023-01,335
            Walk-in,2023-02,304
            Walk-in,2023-03,303
            Walk-in,2023-04,288
            Walk-in,2023-05,299
            Walk-in,2023-06,281
            Walk-in,2023-07,269
            Walk-in,2023-08,294
            Walk-in,2023-09,330
            Walk-in,2023-10,346
            Walk-in,2023-11,326
            Walk-in,2023-12,353
            Walk-in,2024-01,350
            Walk-in,2024-02,316
            Walk-in,2024-03,294

            """])
        let run = try PlannerRun(["forecast", "scenario.yaml"], in: folder)
        #expect(run.result.exitCode == 0)
        #expect(run.result.standardOutput.contains("Telephone: monthly, seasonal: six months of the target year counted"))
        #expect(GoldenFile.check(run.transcript, named: "forecast-monthly-activity.txt") == nil)
    }

    struct Refusal: Sendable, CustomStringConvertible {
        let activity: String, message: String
        var description: String { message }
    }

    @Test("monthly activity reading errors name the file and line, with a hint", arguments: [
        Refusal(activity: "series,month,value\nCalls,2023-04,1\nCalls,2023-04,2\n",
                message: "activity.csv:3: series 'Calls' has a second row for 2023-04 (the first is on line 2)"),
        Refusal(activity: "series,month,value\nCalls,2023-04,1\nCalls,2023-05,1\nCalls,2023-07,1\n",
                message: "activity.csv:4: series 'Calls' has no row for 2023-06"),
        Refusal(activity: "series,year,month,value\nCalls,2023/24,2023-04,1\n",
                message: "activity.csv:1: the activity file has both a 'year' and a 'month' column"),
        Refusal(activity: "series,month,value\nCalls,2023-04,1\nCalls,2023/24,2\n",
                message: "activity.csv:3: '2023/24' looks like a year, but this activity file has a month column"),
        Refusal(activity: "series,month,value\nCalls,2025-04,1\n",
                message: "activity.csv:2: month 2025-04 of 'Calls' is after the target year 2024/25"),
        Refusal(activity: "series,month,value\nCalls,2023-05,1\nCalls,2023-06,1\n",
                message: "activity.csv:3: series 'Calls' has no complete fiscal year of months (2023-05 to 2023-06, years starting in April)"),
        Refusal(activity: "series,month,value\n" + (0..<24).map { "Calls,\(CalendarMonthText.month(2023, 4, plus: $0)),1" }.joined(separator: "\n") + "\n",
                message: "scenario.yaml:3: activity series 'Calls' already has every month of 2024/25"),
    ])
    func refusals(refusal: Refusal) throws {
        let folder = try YearLabelCommandTests.folder(["ledger.csv": Self.ledger, "scenario.yaml": Self.scenario,
                                                       "activity.csv": refusal.activity])
        let run = try PlannerRun(["forecast", "scenario.yaml"], in: folder)
        #expect(run.result.exitCode == 1)
        #expect(run.result.standardError.contains(refusal.message), "\(run.result.standardError)")
        #expect(run.result.standardError.contains("hint:"), "\(run.result.standardError)")
    }
}

/// `YYYY-MM` for the month `count` months after `year`-`month`.
enum CalendarMonthText {
    static func month(_ year: Int, _ month: Int, plus count: Int) -> String {
        let ordinal = year * 12 + month - 1 + count
        let m = ordinal % 12 + 1
        return "\(ordinal / 12)-\(m < 10 ? "0" : "")\(m)"
    }
}
