import Testing
@testable import Outturn

@Suite("Fiscal years")
struct FiscalYearTests {
    @Test("parses the report's spelling and round-trips it")
    func parsesAndPrints() {
        #expect(FiscalYear("2021/22")?.startYear == 2021)
        #expect(FiscalYear("2021-22")?.description == "2021/22")
        #expect(FiscalYear("1999/2000")?.description == "1999/00")
        #expect(FiscalYear("2021/22")?.next.description == "2022/23")
    }

    @Test("rejects years whose halves do not follow")
    func rejectsNonConsecutive() {
        #expect(FiscalYear("2021/23") == nil)
        #expect(FiscalYear("21/22") == nil)
        #expect(FiscalYear("2021") == nil)
        #expect(FiscalYear("abcd/ef") == nil)
    }
}

@Suite("Months and fiscal-year starts")
struct MonthOfYearTests {
    @Test("a month is read as people write it, and nothing else is")
    func parsesMonths() {
        #expect(MonthOfYear("April") == .april)
        #expect(MonthOfYear(" apr ") == .april)
        #expect(MonthOfYear("SEPT") == .september)
        #expect(MonthOfYear("7") == .july)
        #expect(MonthOfYear("07") == .july)
        #expect(MonthOfYear("13") == nil)
        #expect(MonthOfYear("0") == nil)
        #expect(MonthOfYear("ju") == nil)  // June or July: too short to say
        #expect(MonthOfYear("Aprill") == nil)
        #expect(MonthOfYear("") == nil)
    }

    @Test("calendar months parse, print and step across year ends")
    func calendarMonths() {
        #expect(CalendarMonth("2021-09") == CalendarMonth(year: 2021, month: .september))
        #expect(CalendarMonth("2021-09")?.description == "2021-09")
        #expect(CalendarMonth("2021-13") == nil)
        #expect(CalendarMonth("2021-9") == nil)
        #expect(CalendarMonth("+021-09") == nil)
        #expect(CalendarMonth(year: 2021, month: .november).advanced(by: 3) == CalendarMonth(year: 2022, month: .february))
        #expect(CalendarMonth(year: 2022, month: .february).advanced(by: -14) == CalendarMonth(year: 2020, month: .december))
    }

    @Test("an April year holds April to March; a July year July to June")
    func monthsFallInTheirFiscalYear() {
        let march2022 = CalendarMonth(year: 2022, month: .march)
        #expect(FiscalYear.containing(march2022, startingIn: .april) == FiscalYear(startYear: 2021))
        #expect(FiscalYear(startYear: 2021).monthNumber(of: march2022, startingIn: .april) == 12)
        #expect(FiscalYear(startYear: 2021).monthNumber(of: CalendarMonth(year: 2021, month: .april), startingIn: .april) == 1)
        #expect(FiscalYear(startYear: 2021).monthNumber(of: CalendarMonth(year: 2022, month: .april), startingIn: .april) == nil)
        #expect(FiscalYear.containing(CalendarMonth(year: 2021, month: .june), startingIn: .july) == FiscalYear(startYear: 2020))
        #expect(FiscalYear.containing(CalendarMonth(year: 2021, month: .january), startingIn: .january) == FiscalYear(startYear: 2021))
    }
}
