import Foundation
import Outturn

/// One input: any text, tried as an amount (with and without k/m suffixes), a fiscal year and a
/// rate. What parses must print back to the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParsers(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    for suffixes in [false, true] {
        if let money = Money(parsing: text, allowingSuffixes: suffixes) {
            _ = money.formatted(pence: true)
            _ = money.formatted()
            guard Money(parsing: money.plainPounds) == money else {
                fatalError("amount '\(text)' reads as \(money.plainPounds), which reads back differently")
            }
        }
    }
    if let year = FiscalYear(text) {
        guard FiscalYear(year.description) == year else {
            fatalError("year '\(text)' prints as '\(year.description)', which reads back differently")
        }
        _ = year.next
        _ = year.previous
    }
    // Rates are read inside a scenario (the YAML reader's rate parser is not public).
    if !text.contains(where: { $0.isNewline }) {
        let yaml = "ledger: l.csv\ntarget_year: 2022/23\nunlisted_lines: hold_latest_budget\nassumptions:\n  inflation: \(text)\n"
        if let scenario = try? Scenario(yaml: yaml, fileName: "fuzz.yaml") {
            guard scenario.inflation.isFinite, (-0.5...1).contains(scenario.inflation) else {
                fatalError("inflation '\(text)' read as \(scenario.inflation), outside its range")
            }
        }
    }
    return 0
}
