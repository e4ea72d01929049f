import Foundation
import Outturn

private let ledger = try! Ledger(csv: "line,year,budget,actual\nAirwave,2020/21,700000,650000\nAirwave,2021/22,763042,523233\nDSD,2021/22,1838691,1667434\n",
                                 fileName: "ledger.csv")

/// One input: any text as a scenario file; one that reads is resolved against a two-line ledger
/// and summarised as `planner check` would.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let scenario = try? Scenario(yaml: text, fileName: "fuzz.yaml") else { return 0 }
    if let resolved = try? ResolvedScenario(scenario: scenario, ledger: ledger, activity: []) {
        _ = resolved.summary
    }
    return 0
}
