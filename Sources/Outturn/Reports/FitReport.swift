import Foundation
import OutturnNumerics

/// Renders a least squares fit for `planner fit` as a text table or as JSON. No maths here.
package struct FitReport {
    /// Term names, intercept first, one per coefficient.
    package let terms: [String]
    /// The response column's name.
    package let response: String
    /// Number of observations fitted.
    package let observations: Int
    /// The fit.
    package let fit: LeastSquaresFit

    /// A report of `fit` of `response` on `terms` (intercept first) over `observations` rows.
    package init(terms: [String], response: String, observations: Int, fit: LeastSquaresFit) {
        self.terms = terms
        self.response = response
        self.observations = observations
        self.fit = fit
    }

    /// A fixed-width table: term, coefficient, standard error, t value, then the fit statistics.
    package func table() -> String {
        let header = ["term", "coefficient", "std error", "t value"]
        var rows = [header]
        let tValues = fit.tValues
        for (j, term) in terms.enumerated() {
            let aliased = fit.aliasedColumns.contains(j)
            rows.append([
                DisplayText.escaped(term),
                aliased ? "aliased" : Self.number(fit.coefficients[j], digits: 10),
                fit.standardErrors[j].map { Self.number($0, digits: 10) } ?? "NA",
                tValues[j].map { Self.number($0, digits: 6) } ?? "NA",
            ])
        }
        // The aligned-text layout of every report's table (TableLayout), without its rule: the term
        // left, the figures right (an "aliased" or "NA" among them too).
        var layout = TableLayout.Aligned(columns: header)
        for row in rows { layout.fit(row, numeric: header.indices.map { $0 > 0 }) }
        var text = "Least squares fit of \(DisplayText.escaped(response)) (\(observations) observations)\n\n"
        for row in rows { text += layout.line(row) }
        text += "\n"
        text += "R-squared: \(Self.number(fit.rSquared, digits: 10))\(fit.hasIntercept ? "" : " (uncentred: no intercept)")\n"
        text += "Residual standard error: \(fit.residualStandardError.map { Self.number($0, digits: 10) } ?? "NA") on \(fit.degreesOfFreedom) degrees of freedom\n"
        if fit.rank < terms.count {
            let aliased = fit.aliasedColumns.map { DisplayText.escaped(terms[$0]) }.joined(separator: ", ")
            text += "Rank \(fit.rank) of \(terms.count): aliased (linearly dependent) terms dropped: \(aliased)\n"
        }
        return text
    }

    /// One JSON object with every double in shortest round-trip form; undefined values are null.
    package func json() -> String {
        func list(_ values: [Double?]) -> JSONValue {
            .array(values.map { $0.map(JSONValue.exact) ?? .null })
        }
        let value = JSONValue.object([
            ("terms", .array(terms.map(JSONValue.string))),
            ("coefficients", list(fit.coefficients.enumerated().map { fit.aliasedColumns.contains($0) ? nil : $1 })),
            ("standardErrors", list(fit.standardErrors)),
            ("tValues", list(fit.tValues)),
            ("rSquared", .exact(fit.rSquared)),
            ("residualStandardError", fit.residualStandardError.map(JSONValue.exact) ?? .null),
            ("degreesOfFreedom", .number("\(fit.degreesOfFreedom)")),
            ("rank", .number("\(fit.rank)")),
            ("aliasedTerms", .array(fit.aliasedColumns.map { .string(terms[$0]) })),
            ("observations", .number("\(observations)")),
        ])
        return value.rendered()
    }

    /// `value` to `digits` significant digits (%g style).
    static func number(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)g", value)
    }
}
