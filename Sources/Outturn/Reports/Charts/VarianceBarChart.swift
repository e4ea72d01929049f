/// One bar of a variance chart: a line's budget − actual.
package struct VarianceBar: Sendable, Equatable {
    /// The line's name.
    package var line: String
    /// Budget − actual, pounds: positive is an underspend, negative an overspend.
    package var variance: Money
    /// Favourable, adverse or on budget (under the report's materiality rule).
    package var status: VarianceStatus
    package init(line: String, variance: Money, status: VarianceStatus) {
        self.line = line
        self.variance = variance
        self.status = status
    }
}

/// Horizontal bars from zero: favourable (underspent) to the right, adverse (overspent) to the left,
/// each labelled with its amount and status in words.
package enum VarianceBarChart {
    /// Width of the drawing, SVG user units; the height grows with the number of bars.
    package static let width = 640.0

    /// The chart of `bars` for `year` (as written in reports); `id` must be unique within the page.
    package static func render(_ bars: [VarianceBar], year: String, id: String) -> SVGChart {
        let values = [0] + bars.map(\.variance.pounds)
        let ticks = AxisTicks.nice(covering: values.min()!...values.max()!, maxCount: 6)
        let rowHeight = 26.0, top = 40.0
        let left = 190.0, right = width - 130
        let height = top + rowHeight * Double(max(bars.count, 1)) + 30
        let x = LinearScale(domain: ticks.domain, rangeStart: left, rangeEnd: right)

        let title = "Variance by line, \(year)"
        let description = bars.isEmpty ? "No lines." : bars.map {
            "\($0.line): \($0.variance.formatted()) \($0.status.rawValue)"
        }.joined(separator: "; ") + ". Positive is under budget (favourable), negative over budget (adverse)."
        var svg = SVGWriter(width: width, height: height, id: id, title: title, description: description)
        svg.label(title, x: 4, y: 14, weight: "bold", size: 13)
        svg.label("← over budget (adverse)", x: x(0) - 6, y: 30, anchor: "end", fill: ChartPalette.adverse)
        svg.label("under budget (favourable) →", x: x(0) + 6, y: 30, fill: ChartPalette.favourable)

        let bottom = top + rowHeight * Double(max(bars.count, 1))
        for tick in ticks.values {
            svg.line(x1: x(tick), y1: top, x2: x(tick), y2: bottom, stroke: ChartPalette.grid)
            svg.label(AxisLabel.pounds(tick, ticks: ticks), x: x(tick), y: bottom + 16, anchor: "middle")
        }
        for (row, bar) in bars.enumerated() {
            let middle = top + rowHeight * (Double(row) + 0.5)
            let start = x(0), end = x(bar.variance.pounds)
            let colour = bar.status == .favourable ? ChartPalette.favourable
                : bar.status == .adverse ? ChartPalette.adverse : ChartPalette.neutral
            svg.open("g", [("class", "bar " + (bar.status == .onBudget ? "on-budget" : bar.status.rawValue))])
            svg.element("title", [], content: "\(bar.line): \(bar.variance.formatted()) \(bar.status.rawValue)")
            svg.label(shortened(bar.line), x: left - 8, y: middle + 4, anchor: "end")
            svg.element("rect", [("x", Markup.number(min(start, end))), ("y", Markup.number(middle - 8)),
                                 ("width", Markup.number(max(abs(end - start), 1))), ("height", "16"), ("fill", colour)])
            let label = "\(bar.variance.formatted()) \(bar.status.rawValue)"
            // Amount and status beside the bar's end, away from zero; where the names or the edge leave no
            // room, inside the bar in white, or failing that on the other side of zero.
            let textWidth = estimatedWidth(label), barWidth = abs(end - start)
            if bar.variance.pence < 0 {
                if end - 4 - textWidth >= left {
                    svg.label(label, x: end - 4, y: middle + 4, anchor: "end", fill: colour)
                } else if barWidth >= textWidth + 8 {
                    svg.label(label, x: end + 4, y: middle + 4, fill: "#ffffff")
                } else {
                    svg.label(label, x: start + 4, y: middle + 4, fill: colour)
                }
            } else {
                if end + 4 + textWidth <= width {
                    svg.label(label, x: end + 4, y: middle + 4, fill: colour)
                } else if barWidth >= textWidth + 8 {
                    svg.label(label, x: end - 4, y: middle + 4, anchor: "end", fill: "#ffffff")
                } else {
                    svg.label(label, x: start - 4, y: middle + 4, anchor: "end", fill: colour)
                }
            }
            svg.close("g")
        }
        svg.line(x1: x(0), y1: top - 4, x2: x(0), y2: bottom, stroke: ChartPalette.ink, width: 1.5)
        return svg.finish(title: title, description: description)
    }

    /// A generous estimate of the width of `text` at the charts' 11px sans-serif (about 0.6 em a character).
    static func estimatedWidth(_ text: String) -> Double { Double(text.count) * 6.6 }

    /// Names longer than 28 characters end in `…` (the full name is in the bar's tooltip and the description).
    static func shortened(_ name: String) -> String {
        name.count <= 28 ? name : String(name.prefix(27)) + "…"
    }
}
