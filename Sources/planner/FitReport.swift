import Foundation
import OutturnNumerics

/// Renders a least squares fit for `planner fit` as a text table or as JSON. No maths here.
struct FitReport {
    /// Term names, intercept first, one per coefficient.
    let terms: [String]
    /// The response column's name.
    let response: String
    /// Number of observations fitted.
    let observations: Int
    /// The fit.
    let fit: LeastSquaresFit

    /// A fixed-width table: term, coefficient, standard error, t value, then the fit statistics.
    func table() -> String {
        let header = ["term", "coefficient", "std error", "t value"]
        var rows = [header]
        let tValues = fit.tValues
        for (j, term) in terms.enumerated() {
            let aliased = fit.aliasedColumns.contains(j)
            rows.append([
                term,
                aliased ? "aliased" : Self.number(fit.coefficients[j], digits: 10),
                fit.standardErrors[j].map { Self.number($0, digits: 10) } ?? "NA",
                tValues[j].map { Self.number($0, digits: 6) } ?? "NA",
            ])
        }
        let widths = (0..<header.count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        var text = "Least squares fit of \(response) (\(observations) observations)\n\n"
        for row in rows {
            let cells = row.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }
            text += cells.joined(separator: "  ") + "\n"
        }
        text += "\n"
        text += "R-squared: \(Self.number(fit.rSquared, digits: 10))\(fit.hasIntercept ? "" : " (uncentred: no intercept)")\n"
        text += "Residual standard error: \(fit.residualStandardError.map { Self.number($0, digits: 10) } ?? "NA") on \(fit.degreesOfFreedom) degrees of freedom\n"
        if fit.rank < terms.count {
            let aliased = fit.aliasedColumns.map { terms[$0] }.joined(separator: ", ")
            text += "Rank \(fit.rank) of \(terms.count): aliased (linearly dependent) terms dropped: \(aliased)\n"
        }
        return text
    }

    /// One JSON object with every double in shortest round-trip form; undefined values are null.
    func json() -> String {
        func list(_ values: [Double?]) -> String {
            "[" + values.map { $0.map(Self.jsonNumber) ?? "null" }.joined(separator: ", ") + "]"
        }
        let fields: [(String, String)] = [
            ("terms", "[" + terms.map(Self.jsonString).joined(separator: ", ") + "]"),
            ("coefficients", list(fit.coefficients.enumerated().map { fit.aliasedColumns.contains($0) ? nil : $1 })),
            ("standardErrors", list(fit.standardErrors)),
            ("tValues", list(fit.tValues)),
            ("rSquared", Self.jsonNumber(fit.rSquared)),
            ("residualStandardError", fit.residualStandardError.map(Self.jsonNumber) ?? "null"),
            ("degreesOfFreedom", "\(fit.degreesOfFreedom)"),
            ("rank", "\(fit.rank)"),
            ("aliasedTerms", "[" + fit.aliasedColumns.map { Self.jsonString(terms[$0]) }.joined(separator: ", ") + "]"),
            ("observations", "\(observations)"),
        ]
        return "{\n" + fields.map { "  \(Self.jsonString($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
    }

    /// `value` to `digits` significant digits (%g style).
    static func number(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)g", value)
    }

    /// Swift's shortest representation that reads back to the same double (up to 17 digits).
    static func jsonNumber(_ value: Double) -> String {
        value.isFinite ? "\(value)" : "null"
    }

    /// A JSON string literal.
    static func jsonString(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 { escaped += String(format: "\\u%04x", scalar.value) } else { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped + "\""
    }
}
