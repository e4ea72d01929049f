import Dispatch
import Foundation
import Outturn

/// `decimal-check --count N`: the larger check behind the unit test of ``DecimalToDouble``:
/// N strings (default 1 billion; both cores) read bit for bit as glibc's `strtod` reads them:
/// the shortest digits of random Doubles, their 17- and 25-significant-digit forms, and random
/// 1–19 digit significands with exponents over the whole range. Prints one JSON line with the
/// count, the share decided by the fast routes, the mismatches (expected 0) and the rate.
enum DecimalCheck {
    private static func format(_ buffer: inout [CChar], _ text: String, _ arguments: CVarArg...) -> Int32 {
        withVaList(arguments) { vsnprintf(&buffer, buffer.count, text, $0) }
    }

    static func run(_ options: Options) {
        let count = options.integer("count", default: 1_000_000_000)
        let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
        let totals = Totals()
        let start = Date()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var state = UInt64(0x9E37_79B9_7F4A_7C15) &* UInt64(worker + 1)
            func next() -> UInt64 { // SplitMix64
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                return z ^ (z >> 31)
            }
            var buffer = [CChar](repeating: 0, count: 64)
            var localChecked = 0, localDecided = 0, localMismatches: [String] = []
            let share = count / workers + (worker < count % workers ? 1 : 0)
            while localChecked < share {
                let kind = next() % 4
                var length: Int32
                if kind == 3 {
                    let significand = next() % 10_000_000_000_000_000_000
                    let exponent = Int(next() % 680) - 360
                    length = format(&buffer, "%llue%d", significand, Int32(exponent))
                } else {
                    var value: Double
                    repeat { value = Double(bitPattern: next()) } while !value.isFinite
                    switch kind {
                    case 0: length = Int32(value.description.utf8.count); _ = value.description.withCString { strcpy(&buffer, $0) }
                    case 1: length = format(&buffer, "%.16e", value)
                    default: length = format(&buffer, "%.24e", value)
                    }
                }
                let (mine, reference): (Double?, Double) = buffer.withUnsafeMutableBufferPointer { raw in
                    let bytes = UnsafeRawPointer(raw.baseAddress!).assumingMemoryBound(to: UInt8.self)
                    return (DecimalToDouble.parse(UnsafeBufferPointer(start: bytes, count: Int(length))), strtod(raw.baseAddress!, nil))
                }
                localChecked += 1
                if let mine {
                    localDecided += 1
                    if mine.bitPattern != reference.bitPattern && localMismatches.count < 10 {
                        localMismatches.append(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
                    }
                }
            }
            totals.add(checked: localChecked, decided: localDecided, mismatches: localMismatches)
        }
        let (checked, decided, mismatches) = (totals.checked, totals.decided, totals.mismatches)
        let seconds = Date().timeIntervalSince(start)
        Report.emit("decimal to double vs strtod", seconds: seconds,
                    ["strings": checked, "decided_share": Double(decided) / Double(checked), "mismatches": mismatches.count,
                     "examples": mismatches.joined(separator: " "), "strings_per_second": Double(checked) / seconds])
    }
}

/// The workers' counts, added up under a lock (each worker adds once, at its end).
private final class Totals: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var checked = 0, decided = 0, mismatches: [String] = []

    func add(checked: Int, decided: Int, mismatches: [String]) {
        lock.lock()
        defer { lock.unlock() }
        self.checked += checked
        self.decided += decided
        self.mismatches += mismatches
    }
}
