import Foundation

/// The words of the planner's progress line (planner/Support/ProgressLine.swift draws it): counts
/// with thousands separators, a rate, and the time left at that rate.
package enum ProgressText {
    /// `forecast: 40,960 of 1,000,000 lines (4%), 27,300 lines/s, about 35 s left`; the rate and time
    /// left only once something is done.
    package static func line(label: String, done: Int, total: Int, unit: String, elapsed: Double) -> String {
        let percent = total > 0 ? Int((Double(done) / Double(total) * 100).rounded(.down)) : 100
        var text = "\(label): \(grouped(done)) of \(grouped(total)) \(unit) (\(percent)%)"
        if done > 0, elapsed > 0 {
            let rate = Double(done) / elapsed
            text += ", \(grouped(Int(rate.rounded()))) \(unit)/s"
            if done < total { text += ", about \(duration(Double(total - done) / rate)) left" }
        }
        return text
    }

    /// `1,000,000`.
    package static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// A time left: `35 s`, `4 min 05 s`, `1 h 02 min`.
    package static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        if whole < 60 { return "\(whole) s" }
        if whole < 3600 { return "\(whole / 60) min \(whole % 60 < 10 ? "0" : "")\(whole % 60) s" }
        let minutes = (whole % 3600) / 60
        return "\(whole / 3600) h \(minutes < 10 ? "0" : "")\(minutes) min"
    }

    /// An elapsed time: `0.4 s`, `36.6 s`, `4 min 05 s`.
    package static func seconds(_ value: Double) -> String {
        value < 60 ? String(format: "%.1f s", value) : duration(value)
    }
}
