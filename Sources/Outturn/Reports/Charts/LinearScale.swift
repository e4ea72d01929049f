/// A linear map from data values (the domain) to drawing coordinates (the range), as on a chart axis.
///
/// The range may run backwards (an SVG y axis grows downwards, so `range` is bottom → top).
package struct LinearScale: Sendable, Equatable {
    /// Data value at the start of the range.
    package let domainStart: Double
    /// Data value at the end of the range.
    package let domainEnd: Double
    /// Coordinate (SVG user units) of `domainStart`.
    package let rangeStart: Double
    /// Coordinate (SVG user units) of `domainEnd`.
    package let rangeEnd: Double

    /// A scale taking `domain.lowerBound` to `rangeStart` and `domain.upperBound` to `rangeEnd`.
    package init(domain: ClosedRange<Double>, rangeStart: Double, rangeEnd: Double) {
        self.domainStart = domain.lowerBound
        self.domainEnd = domain.upperBound
        self.rangeStart = rangeStart
        self.rangeEnd = rangeEnd
    }

    /// The coordinate of `value` (values outside the domain extrapolate linearly). A zero-width
    /// domain maps everything to the middle of the range; a non-finite value maps to `rangeStart`.
    package func callAsFunction(_ value: Double) -> Double {
        guard value.isFinite else { return rangeStart }
        let width = domainEnd - domainStart
        guard width != 0, width.isFinite else { return (rangeStart + rangeEnd) / 2 }
        return rangeStart + (value - domainStart) / width * (rangeEnd - rangeStart)
    }
}
