import Foundation
import Testing
import _TestSupport
@testable import Outturn

@Suite("Chart axes")
struct AxisTests {
    @Test("1-2-5 ticks of familiar ranges, as a person would draw them")
    func ticksOfFamiliarRanges() {
        #expect(AxisTicks.nice(covering: 0...97).values == [0, 20, 40, 60, 80, 100])
        #expect(AxisTicks.nice(covering: 0...1).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        // The bundled variance total (−£79,880) on a six-tick axis.
        #expect(AxisTicks.nice(covering: -79_880...0).values == [-80_000, -60_000, -40_000, -20_000, 0])
        #expect(AxisTicks.nice(covering: 0...2_345_678).values == [0, 500_000, 1_000_000, 1_500_000, 2_000_000, 2_500_000])
        // Multiples of 0.1 come out as the nearest doubles (0.3, not 0.1 + 0.1 + 0.1).
        #expect(AxisTicks.nice(covering: 0.1...0.3, maxCount: 3).values == [0.1, 0.2, 0.3])
    }

    @Test("ticks cover the data, are evenly spaced by the smallest 1-2-5 step that fits, within the count")
    func tickPropertiesOnRandomRanges() {
        var random = SeededGenerator(seed: 11)
        for _ in 0..<2_000 {
            let scale = pow(10, Double.random(in: -3...9, using: &random))
            let a = Double.random(in: -1...1, using: &random) * scale
            let b = a + Double.random(in: 0.001...2, using: &random) * scale
            let maxCount = Int.random(in: 3...12, using: &random)
            let ticks = AxisTicks.nice(covering: a...b, maxCount: maxCount)
            #expect(ticks.values.first! <= a && ticks.values.last! >= b, "\(a)...\(b)")
            #expect((2...maxCount).contains(ticks.values.count))
            #expect([1, 2, 5].contains(ticks.mantissa))
            for (low, high) in zip(ticks.values, ticks.values.dropFirst()) {
                #expect(isClose(high - low, ticks.step, relative: 1e-9, absolute: 1e-12 * scale))
            }
            // Minimal: the next smaller 1-2-5 step would need more ticks than allowed.
            let smaller: (Int, Int) = ticks.mantissa == 1 ? (5, ticks.exponent - 1) : (ticks.mantissa == 2 ? 1 : 2, ticks.exponent)
            let step = AxisTicks.multiple(1, mantissa: smaller.0, exponent: smaller.1)
            let count = Int((b / step).rounded(.up) - (a / step).rounded(.down)) + 1
            #expect(count > maxCount)
        }
    }

    @Test("degenerate and non-finite ranges still give an axis")
    func degenerateRanges() {
        #expect(AxisTicks.nice(covering: 0...0).values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        let flat = AxisTicks.nice(covering: 5_000...5_000)
        #expect(flat.values.first! < 5_000 && flat.values.last! > 5_000)
        #expect(AxisTicks.nice(covering: -Double.infinity...Double.infinity).values.count >= 2)
    }

    @Test("pound labels as a finance officer writes them")
    func poundLabels() {
        let thousands = AxisTicks.nice(covering: 0...1_000)
        #expect(thousands.values.map { AxisLabel.pounds($0, ticks: thousands) } == ["£0", "£200", "£400", "£600", "£800", "£1k"])
        let millions = AxisTicks.nice(covering: 0...2_345_678)
        #expect(millions.values.map { AxisLabel.pounds($0, ticks: millions) } == ["£0", "£500k", "£1m", "£1.5m", "£2m", "£2.5m"])
        let variance = AxisTicks.nice(covering: -79_880...0)
        #expect(variance.values.map { AxisLabel.pounds($0, ticks: variance) } == ["-£80k", "-£60k", "-£40k", "-£20k", "£0"])
        let fine = AxisTicks.nice(covering: 1_000_000...1_100_000)
        #expect(fine.values.map { AxisLabel.pounds($0, ticks: fine) } == ["£1m", "£1.02m", "£1.04m", "£1.06m", "£1.08m", "£1.1m"])
        let pounds = AxisTicks.nice(covering: 0...40)
        #expect(AxisLabel.pounds(-10, ticks: pounds) == "-£10")
    }

    @Test("no two ticks of an axis share a label")
    func labelsAreDistinct() {
        var random = SeededGenerator(seed: 12)
        for _ in 0..<1_000 {
            let scale = pow(10, Double.random(in: 1...9, using: &random))
            let a = Double.random(in: -1...1, using: &random) * scale
            let b = a + Double.random(in: 0.01...2, using: &random) * scale
            let ticks = AxisTicks.nice(covering: a...b, maxCount: Int.random(in: 3...10, using: &random))
            let labels = ticks.values.map { AxisLabel.pounds($0, ticks: ticks) }
            #expect(Set(labels).count == labels.count, "\(labels)")
        }
    }

    @Test("a linear scale maps the domain's ends to the range's ends, also backwards")
    func linearScale() {
        let y = LinearScale(domain: 0...100, rangeStart: 300, rangeEnd: 20)
        #expect(y(0) == 300 && y(100) == 20 && y(50) == 160 && y(125) == -50)
        #expect(LinearScale(domain: 5...5, rangeStart: 0, rangeEnd: 10)(5) == 5)
    }
}

@Suite("Charts")
struct ChartTests {
    static let fan = FanChartData(
        line: "R&D <script>\"x\"</script>",
        history: [.init(year: "2020/21", actual: Money(pounds: 900_000), budget: Money(pounds: 950_000)),
                  .init(year: "2021/22", actual: Money(pounds: 1_020_000), budget: Money(pounds: 1_000_000))],
        targetYear: "2022/23", projected: Money(pounds: 1_050_000),
        bands: [.init(level: 0.8, lower: Money(pounds: 880_000), upper: Money(pounds: 1_220_000)),
                .init(level: 0.95, lower: Money(pounds: 790_000), upper: Money(pounds: 1_310_000))],
        targetBudget: Money(pounds: 1_000_000))

    @Test("a fan chart is well-formed SVG with its text alternative, and hostile names are escaped")
    func fanChartTextAlternative() throws {
        let chart = FanChart.render(Self.fan, id: "fan-1")
        #expect(!chart.markup.contains("<script"))
        let elements = try #require(XMLElements.parse(chart.markup))
        let svg = try #require(elements.first)
        #expect(svg.name == "svg" && svg.attributes["role"] == "img")
        #expect(svg.attributes["aria-label"] == "R&D <script>\"x\"</script>: spending and projection for 2022/23")
        #expect(svg.attributes["aria-labelledby"] == "fan-1-title fan-1-desc")
        let desc = try #require(elements.named("desc").first)
        #expect(desc.text == "In 2021/22 actual spending was £1,020,000 against a budget of £1,000,000. "
            + "Projected spending for 2022/23 is £1,050,000 (80% interval £880,000 to £1,220,000; "
            + "95% interval £790,000 to £1,310,000) against a budget of £1,000,000.")
        #expect(XMLElements.parse(chart.standaloneDocument) != nil)
        #expect(chart.standaloneDocument.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    }

    @Test("the fan's 95% band encloses its 80% band, which encloses the projection; the budget line sits at its value")
    func fanChartGeometry() throws {
        let elements = try #require(XMLElements.parse(FanChart.render(Self.fan, id: "f").markup))
        let bands = elements.named("path", class: "band").map { pathPoints($0.attributes["d"]!) }
        try #require(bands.count == 2)
        let (wide, narrow) = (bands[0], bands[1])  // drawn widest first
        // Each band: origin (the last actual), upper and lower at the target year.
        #expect(wide[0] == narrow[0])
        #expect(wide[1].y < narrow[1].y && wide[2].y > narrow[2].y)
        let projected = try #require(elements.named("circle", class: "projected").first)
        let cy = Double(projected.attributes["cy"]!)!
        #expect(narrow[1].y < cy && cy < narrow[2].y)
        // Budget £1m, projection £1.05m: the budget line is below (larger y) the projection; the
        // last actual (£1.02m) lies between them.
        let budget = try #require(elements.named("line", class: "target-budget").first)
        let budgetY = Double(budget.attributes["y1"]!)!
        #expect(budgetY > cy && budgetY > wide[0].y && wide[0].y > cy)
        // Same scale for every mark: y is linear in pounds, so the three points' spacing is in ratio.
        let ratio = (budgetY - wide[0].y) / (wide[0].y - cy)
        #expect(abs(ratio - 20_000.0 / 30_000.0) < 0.01)
    }

    @Test("a fan with no past draws the bands as bars at the target year")
    func fanChartWithoutHistory() throws {
        var data = Self.fan
        data.history = []
        let elements = try #require(XMLElements.parse(FanChart.render(data, id: "f").markup))
        #expect(elements.named("path", class: "band").allSatisfy { pathPoints($0.attributes["d"]!).count == 4 })
        #expect(elements.named("circle", class: "actual").isEmpty)
    }

    @Test("variance bars: adverse to the left of zero, favourable to the right, each labelled in words")
    func varianceBars() throws {
        let bars = [VarianceBar(line: "Airwave", variance: Money(pounds: -45_000), status: .adverse),
                    VarianceBar(line: "DSD", variance: Money(pounds: 30_000), status: .favourable),
                    VarianceBar(line: "Tiny", variance: Money(pounds: 500), status: .onBudget)]
        let chart = VarianceBarChart.render(bars, year: "2021/22", id: "v")
        let elements = try #require(XMLElements.parse(chart.markup))
        let zero = try #require(elements.named("line").last)
        let zeroX = Double(zero.attributes["x1"]!)!
        let rects = elements.named("rect")
        try #require(rects.count == 3)
        let x = rects.map { Double($0.attributes["x"]!)! }, width = rects.map { Double($0.attributes["width"]!)! }
        #expect(isClose(x[0] + width[0], zeroX, relative: 1e-3))  // adverse ends at zero
        #expect(isClose(x[1], zeroX, relative: 1e-3))  // favourable starts at zero
        #expect(isClose(width[0] / width[1], 1.5, relative: 0.01))
        let texts = elements.named("text").map(\.text)
        #expect(texts.contains("-£45,000 adverse") && texts.contains("£30,000 favourable") && texts.contains("£500 on budget"))
        #expect(elements.named("g", class: "bar adverse").count == 1)
    }

    @Test("reliability diagram: the diagonal runs corner to corner and a calibrated bin lies on it")
    func reliabilityDiagram() throws {
        let bins = [ReliabilityBin(meanProbability: 0.1, observedRate: 0.05, count: 40),
                    ReliabilityBin(meanProbability: 0.5, observedRate: 0.5, count: 12),
                    ReliabilityBin(meanProbability: 0.9, observedRate: 0.7, count: 0)]
        let chart = ReliabilityDiagram.render(bins, title: "Reliability of P(overspend)", id: "r")
        let elements = try #require(XMLElements.parse(chart.markup))
        let diagonal = try #require(elements.named("line", class: "diagonal").first)
        let (x1, y1, x2, y2) = (Double(diagonal.attributes["x1"]!)!, Double(diagonal.attributes["y1"]!)!,
                                Double(diagonal.attributes["x2"]!)!, Double(diagonal.attributes["y2"]!)!)
        let points = elements.named("circle", class: "bin")
        #expect(points.count == 2)  // the empty bin is not drawn
        let middle = points[1]
        #expect(isClose(Double(middle.attributes["cx"]!)!, (x1 + x2) / 2) && isClose(Double(middle.attributes["cy"]!)!, (y1 + y2) / 2))
        #expect(chart.description.hasPrefix("forecast 10%, happened 5% of 40; forecast 50%, happened 50% of 12."))
    }

    @Test("XML 1.0 forbidden characters are dropped and markup characters escaped")
    func escaping() {
        #expect(Markup.escaped("a&b<c>\"d\"'e'\u{0}\u{1B}\u{FFFE}\tf\n") == "a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;\tf\n")
        #expect(Markup.escaped("£ é 😀") == "£ é 😀")
    }
}

@Suite("Variance bar labels")
struct VarianceBarLabelTests {
    @Test("a long adverse bar's label never runs into the line names: it goes inside the bar")
    func longBarLabelStaysClearOfNames() throws {
        let bars = [VarianceBar(line: "Devolved Force Budgets", variance: Money(pounds: -1_065_190), status: .adverse),
                    VarianceBar(line: "SRS Collaboration", variance: Money(pounds: 722_705), status: .favourable)]
        let elements = try #require(XMLElements.parse(VarianceBarChart.render(bars, year: "2021/22", id: "v").markup))
        let name = try #require(elements.named("text").first { $0.text == "Devolved Force Budgets" })
        let label = try #require(elements.named("text").first { $0.text == "-£1,065,190 adverse" })
        let nameEnd = Double(name.attributes["x"]!)!  // anchored at its end
        let labelX = Double(label.attributes["x"]!)!
        let labelStart = label.attributes["text-anchor"] == "end"
            ? labelX - VarianceBarChart.estimatedWidth(label.text) : labelX
        #expect(labelStart > nameEnd)
    }
}
