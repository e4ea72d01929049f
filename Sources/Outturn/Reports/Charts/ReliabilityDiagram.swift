/// One bin of a reliability diagram: forecasts of similar probability and how often the event happened.
package struct ReliabilityBin: Sendable, Equatable {
    /// The mean forecast probability of the bin, in [0, 1].
    package var meanProbability: Double
    /// The fraction of the bin's forecasts whose event happened, in [0, 1].
    package var observedRate: Double
    /// How many forecasts fell in the bin.
    package var count: Int
    package init(meanProbability: Double, observedRate: Double, count: Int) {
        self.meanProbability = meanProbability
        self.observedRate = observedRate
        self.count = count
    }
}

/// Reliability diagram: observed rate against mean forecast probability per bin, with the diagonal
/// of perfect calibration; each point is labelled with its count.
package enum ReliabilityDiagram {
    /// Width of the drawing, SVG user units (the plot is a 320-unit square).
    package static let width = 420.0
    /// Height of the drawing, SVG user units.
    package static let height = 400.0

    /// The diagram of `bins` (empty bins are skipped) titled `title`; `id` must be unique within the page.
    package static func render(_ bins: [ReliabilityBin], title: String, id: String) -> SVGChart {
        let bins = bins.filter { $0.count > 0 && $0.meanProbability.isFinite && $0.observedRate.isFinite }
        let ticks = AxisTicks.nice(covering: 0...1, maxCount: 6)
        let left = 56.0, top = 30.0, side = 320.0
        let x = LinearScale(domain: 0...1, rangeStart: left, rangeEnd: left + side)
        let y = LinearScale(domain: 0...1, rangeStart: top + side, rangeEnd: top)
        let description = bins.isEmpty ? "No forecasts to show." : bins.map {
            "forecast \(percentText($0.meanProbability)), happened \(percentText($0.observedRate)) of \($0.count)"
        }.joined(separator: "; ") + ". Points on the diagonal are perfectly calibrated."
        var svg = SVGWriter(width: width, height: height, id: id, title: title, description: description)
        svg.label(title, x: 4, y: 14, weight: "bold", size: 13)
        for tick in ticks.values {
            svg.line(x1: x(tick), y1: top, x2: x(tick), y2: top + side, stroke: ChartPalette.grid)
            svg.line(x1: left, y1: y(tick), x2: left + side, y2: y(tick), stroke: ChartPalette.grid)
            svg.label(AxisLabel.percent(tick, ticks: ticks), x: x(tick), y: top + side + 16, anchor: "middle")
            svg.label(AxisLabel.percent(tick, ticks: ticks), x: left - 6, y: y(tick) + 4, anchor: "end")
        }
        svg.label("Mean forecast probability", x: left + side / 2, y: top + side + 34, anchor: "middle")
        svg.open("g", [("transform", "translate(14 \(Markup.number(top + side / 2))) rotate(-90)")])
        svg.label("Observed rate", x: 0, y: 0, anchor: "middle")
        svg.close("g")
        svg.line(x1: x(0), y1: y(0), x2: x(1), y2: y(1), stroke: ChartPalette.budget, width: 1.5, dash: "5 4",
                 className: "diagonal")
        let points = bins.sorted { $0.meanProbability < $1.meanProbability }.map {
            (bin: $0, point: ChartPoint(x: x($0.meanProbability), y: y($0.observedRate)))
        }
        if points.count > 1 {
            svg.path(SVGPath(points: points.map(\.point)), fill: "none", stroke: ChartPalette.actual, width: 2)
        }
        for (bin, point) in points {
            svg.element("circle", [("cx", Markup.number(point.x)), ("cy", Markup.number(point.y)), ("r", "5"),
                                   ("fill", ChartPalette.actual), ("class", "bin")])
            svg.label("n=\(bin.count)", x: point.x + 7, y: point.y - 7, size: 10)
        }
        return svg.finish(title: title, description: description)
    }

    static func percentText(_ p: Double) -> String { ReportCell.fixed(p * 100, decimals: 0) + "%" }
}
