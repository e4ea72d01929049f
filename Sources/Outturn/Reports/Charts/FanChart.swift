/// What a fan chart of one budget line shows: its history and its projection for the target year.
package struct FanChartData: Sendable, Equatable {
    /// One past year of the line.
    package struct PastYear: Sendable, Equatable {
        /// The year as written in reports (`2021/22`).
        package var year: String
        /// Actual spending (outturn), or nil when not known.
        package var actual: Money?
        /// The budget, or nil when not known.
        package var budget: Money?
        package init(year: String, actual: Money?, budget: Money?) {
            self.year = year
            self.actual = actual
            self.budget = budget
        }
    }

    /// A central prediction interval of the projection.
    package struct Band: Sendable, Equatable {
        /// The interval's coverage, a fraction (0.8 for the 80% interval).
        package var level: Double
        /// Lower end, pounds.
        package var lower: Money
        /// Upper end, pounds.
        package var upper: Money
        package init(level: Double, lower: Money, upper: Money) {
            self.level = level
            self.lower = lower
            self.upper = upper
        }
    }

    /// The line's name.
    package var line: String
    /// Past years, oldest first (may be empty).
    package var history: [PastYear]
    /// The target year as written in reports (`2022/23`).
    package var targetYear: String
    /// The central projection for the target year.
    package var projected: Money
    /// The prediction intervals, any order (drawn widest first).
    package var bands: [Band]
    /// The target year's budget, drawn as a line across the chart.
    package var targetBudget: Money

    package init(line: String, history: [PastYear], targetYear: String, projected: Money, bands: [Band],
                targetBudget: Money) {
        self.line = line
        self.history = history
        self.targetYear = targetYear
        self.projected = projected
        self.bands = bands
        self.targetBudget = targetBudget
    }
}

/// Fan charts: actuals and budgets as lines, the projection fanning out from the last actual to its
/// intervals in the target year, the target budget as a dashed line.
package enum FanChart {
    /// Width of the drawing, SVG user units (CSS pixels at 100%).
    package static let width = 500.0
    /// Height of the drawing, SVG user units.
    package static let height = 280.0

    /// The chart of `data`; `id` must be unique within the page (it names the title and description).
    package static func render(_ data: FanChartData, id: String) -> SVGChart {
        let bands = data.bands.sorted { $0.level > $1.level }  // widest first, so narrower ones paint on top
        var values = [0, data.projected.pounds, data.targetBudget.pounds]
        for year in data.history { values += [year.actual?.pounds, year.budget?.pounds].compactMap { $0 } }
        for band in bands { values += [band.lower.pounds, band.upper.pounds] }
        let ticks = AxisTicks.nice(covering: values.min()!...values.max()!, maxCount: 6)

        let left = 64.0, right = width - 150, top = 36.0, bottom = height - 34
        let y = LinearScale(domain: ticks.domain, rangeStart: bottom, rangeEnd: top)
        let columns = data.history.count + 1
        let slot = (right - left) / Double(columns)
        func x(_ column: Int) -> Double { left + slot * (Double(column) + 0.5) }

        let title = "\(data.line): spending and projection for \(data.targetYear)"
        let description = describe(data, bands: bands)
        var svg = SVGWriter(width: width, height: height, id: id, title: title, description: description)
        svg.label(data.line, x: 4, y: 14, weight: "bold", size: 13)

        // Grid and £ axis.
        for tick in ticks.values {
            svg.line(x1: left, y1: y(tick), x2: right, y2: y(tick), stroke: ChartPalette.grid)
            svg.label(AxisLabel.pounds(tick, ticks: ticks), x: left - 6, y: y(tick) + 4, anchor: "end")
        }
        for (column, year) in (data.history.map(\.year) + [data.targetYear]).enumerated() {
            svg.label(year, x: x(column), y: bottom + 16, anchor: "middle")
        }

        // The fan starts at the last actual (a band with no past starts as a bar at the target year).
        let end = x(columns - 1)
        let origin = data.history.last?.actual.map { ChartPoint(x: x(columns - 2), y: y($0.pounds)) }
        svg.open("g", [("class", "fan")])
        for (index, band) in bands.enumerated() {
            let fill = ChartPalette.bands[min(bands.count - 1 - index, ChartPalette.bands.count - 1)]
            let upper = ChartPoint(x: end, y: y(band.upper.pounds)), lower = ChartPoint(x: end, y: y(band.lower.pounds))
            let outline: [ChartPoint]
            if let origin {
                outline = [origin, upper, lower]
            } else {
                outline = [ChartPoint(x: end - 12, y: upper.y), ChartPoint(x: end + 12, y: upper.y),
                           ChartPoint(x: end + 12, y: lower.y), ChartPoint(x: end - 12, y: lower.y)]
            }
            svg.path(SVGPath(points: outline, closed: true), fill: fill, className: "band")
        }
        svg.close("g")

        // Target budget across the plot, labelled at its right end.
        let budgetY = y(data.targetBudget.pounds)
        svg.line(x1: left, y1: budgetY, x2: right, y2: budgetY, stroke: ChartPalette.target, width: 2, dash: "6 4",
                 className: "target-budget")

        // History: budgets (grey squares) and actuals (blue dots), then the central projection.
        let budgets = data.history.enumerated().compactMap { column, year in
            year.budget.map { ChartPoint(x: x(column), y: y($0.pounds)) }
        }
        let actuals = data.history.enumerated().compactMap { column, year in
            year.actual.map { ChartPoint(x: x(column), y: y($0.pounds)) }
        }
        if budgets.count > 1 { svg.path(SVGPath(points: budgets), fill: "none", stroke: ChartPalette.budget, width: 1.5) }
        for point in budgets {
            svg.element("rect", [("x", Markup.number(point.x - 4)), ("y", Markup.number(point.y - 4)), ("width", "8"),
                                 ("height", "8"), ("fill", ChartPalette.budget), ("class", "budget")])
        }
        if actuals.count > 1 { svg.path(SVGPath(points: actuals), fill: "none", stroke: ChartPalette.actual, width: 2) }
        let central = ChartPoint(x: end, y: y(data.projected.pounds))
        if let origin {
            svg.path(SVGPath(points: [origin, central]), fill: "none", stroke: ChartPalette.central, width: 2, dash: "4 3")
        }
        for point in actuals {
            svg.element("circle", [("cx", Markup.number(point.x)), ("cy", Markup.number(point.y)), ("r", "4"),
                                   ("fill", ChartPalette.actual), ("class", "actual")])
        }
        svg.element("circle", [("cx", Markup.number(central.x)), ("cy", Markup.number(central.y)), ("r", "4"),
                               ("fill", "#ffffff"), ("stroke", ChartPalette.central), ("stroke-width", "2"),
                               ("class", "projected")])

        // Legend (every mark named in words).
        var legendY = top + 4
        func key(_ text: String, _ draw: (inout SVGWriter, Double, Double) -> Void) {
            draw(&svg, right + 14, legendY)
            svg.label(text, x: right + 34, y: legendY + 4)
            legendY += 18
        }
        key("Actual") { svg, x, y in
            svg.element("circle", [("cx", Markup.number(x + 6)), ("cy", Markup.number(y)), ("r", "4"), ("fill", ChartPalette.actual)])
        }
        key("Budget (past)") { svg, x, y in
            svg.element("rect", [("x", Markup.number(x + 2)), ("y", Markup.number(y - 4)), ("width", "8"), ("height", "8"),
                                 ("fill", ChartPalette.budget)])
        }
        key("Projected") { svg, x, y in
            svg.element("circle", [("cx", Markup.number(x + 6)), ("cy", Markup.number(y)), ("r", "4"), ("fill", "#ffffff"),
                                   ("stroke", ChartPalette.central), ("stroke-width", "2")])
        }
        for (index, band) in bands.enumerated().reversed() {
            let fill = ChartPalette.bands[min(bands.count - 1 - index, ChartPalette.bands.count - 1)]
            key("\(percent(band.level)) interval") { svg, x, y in
                svg.element("rect", [("x", Markup.number(x)), ("y", Markup.number(y - 5)), ("width", "14"),
                                     ("height", "10"), ("fill", fill)])
            }
        }
        key("Budget \(data.targetYear)") { svg, x, y in
            svg.line(x1: x, y1: y, x2: x + 14, y2: y, stroke: ChartPalette.target, width: 2, dash: "4 2")
        }
        svg.label(data.targetBudget.formatted(), x: right + 34, y: legendY + 4, fill: ChartPalette.target)
        return svg.finish(title: title, description: description)
    }

    /// The chart in words: the last actual and budget, the projection, its intervals, the target budget.
    static func describe(_ data: FanChartData, bands: [FanChartData.Band]) -> String {
        var parts: [String] = []
        if let last = data.history.last {
            var text = "In \(last.year)"
            if let actual = last.actual { text += " actual spending was \(actual.formatted())" }
            if let budget = last.budget { text += (last.actual == nil ? " the budget was " : " against a budget of ") + budget.formatted() }
            parts.append(text + ".")
        }
        var projection = "Projected spending for \(data.targetYear) is \(data.projected.formatted())"
        let intervals = bands.sorted { $0.level < $1.level }.map {
            "\(percent($0.level)) interval \($0.lower.formatted()) to \($0.upper.formatted())"
        }
        if !intervals.isEmpty { projection += " (" + intervals.joined(separator: "; ") + ")" }
        parts.append(projection + " against a budget of \(data.targetBudget.formatted()).")
        return parts.joined(separator: " ")
    }

    static func percent(_ level: Double) -> String { ReportCell.fixed(level * 100, decimals: 1).trimmingZeros() + "%" }
}
