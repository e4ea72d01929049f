/// The scenario's strict rate reader, for the planner's command-line options, so that a rate is
/// written the same way in a file and on the command line.
package enum RateText {
    /// The fraction `text` denotes: `5%` → 0.05, `0.05` → 0.05; nil for anything that is not a plain
    /// decimal with an optional `%` (exponents, hexadecimal, `inf`, `nan`, thousands separators).
    package static func fraction(_ text: String) -> Double? {
        YAMLReading.parseRate(text)
    }
}
