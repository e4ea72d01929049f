/// A finished chart: SVG markup with its text alternative.
package struct SVGChart: Sendable, Equatable {
    /// A short title (the `<title>` and the aria-label), e.g. `Airwave: spending and projection`.
    package let title: String
    /// The text alternative (the `<desc>`): the chart's figures in a sentence or two.
    package let description: String
    /// The `<svg>` element, for inline use in HTML (no XML declaration, no namespace).
    package let markup: String

    /// A standalone `.svg` file: the same drawing with an XML declaration and the SVG namespace.
    package var standaloneDocument: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + markup.replacingOccurrences(of: "<svg ", with: "<svg xmlns=\"http://www.w3.org/2000/svg\" ",
                                          options: [], range: markup.range(of: "<svg "))
    }
}

/// The colours of every chart, chosen to stay distinguishable for the common colour-vision
/// deficiencies; meaning is never carried by colour alone (each mark also has a text label).
enum ChartPalette {
    static let ink = "#1a1a1a"
    static let grid = "#d9d9d9"
    static let actual = "#08519c"
    static let budget = "#636363"
    static let central = "#08519c"
    /// Band fills, innermost (narrowest level) first.
    static let bands = ["#6baed6", "#c6dbef", "#deebf7"]
    static let target = "#d95f02"
    static let favourable = "#1b7837"
    static let adverse = "#b2182b"
    static let neutral = "#878787"
}

/// Builds SVG markup with every attribute value and text escaped.
struct SVGWriter {
    private(set) var text = ""

    /// Opens `<svg>` with the text alternative: `role="img"`, an aria-label, `<title>` and `<desc>`.
    init(width: Double, height: Double, id: String, title: String, description: String) {
        let id = Markup.escaped(id)
        text = "<svg class=\"chart\" viewBox=\"0 0 \(Markup.number(width)) \(Markup.number(height))\" "
            + "width=\"\(Markup.number(width))\" height=\"\(Markup.number(height))\" role=\"img\" "
            + "aria-label=\"\(Markup.escaped(title))\" aria-labelledby=\"\(id)-title \(id)-desc\" "
            + "font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">"
            + "<title id=\"\(id)-title\">\(Markup.escaped(title))</title>"
            + "<desc id=\"\(id)-desc\">\(Markup.escaped(description))</desc>"
    }

    /// An element; `content` (escaped) makes it a text-bearing element, else it self-closes.
    mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
        text += "<" + name
        for (key, value) in attributes { text += " \(key)=\"\(Markup.escaped(value))\"" }
        if let content { text += ">" + Markup.escaped(content) + "</\(name)>" } else { text += "/>" }
    }

    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<" + name
        for (key, value) in attributes { text += " \(key)=\"\(Markup.escaped(value))\"" }
        text += ">"
    }

    mutating func close(_ name: String) { text += "</\(name)>" }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
                       dash: String? = nil, className: String? = nil) {
        var attributes: [(String, String)] = [("x1", Markup.number(x1)), ("y1", Markup.number(y1)),
                                              ("x2", Markup.number(x2)), ("y2", Markup.number(y2)),
                                              ("stroke", stroke), ("stroke-width", Markup.number(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let className { attributes.append(("class", className)) }
        element("line", attributes)
    }

    mutating func label(_ content: String, x: Double, y: Double, anchor: String = "start", weight: String? = nil,
                        fill: String = ChartPalette.ink, size: Double? = nil) {
        var attributes: [(String, String)] = [("x", Markup.number(x)), ("y", Markup.number(y)),
                                              ("text-anchor", anchor), ("fill", fill)]
        if let weight { attributes.append(("font-weight", weight)) }
        if let size { attributes.append(("font-size", Markup.number(size))) }
        element("text", attributes, content: content)
    }

    mutating func path(_ path: SVGPath, fill: String, stroke: String? = nil, width: Double = 1, dash: String? = nil,
                       className: String? = nil) {
        var attributes: [(String, String)] = [("d", path.data), ("fill", fill)]
        if let stroke { attributes += [("stroke", stroke), ("stroke-width", Markup.number(width))] }
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        if let className { attributes.append(("class", className)) }
        element("path", attributes)
    }

    /// Closes the `<svg>` and returns the chart.
    mutating func finish(title: String, description: String) -> SVGChart {
        text += "</svg>"
        return SVGChart(title: title, description: description, markup: text)
    }
}

/// An SVG path's `d` attribute built from absolute move and line commands (coordinates to 0.01).
package struct SVGPath: Sendable, Equatable {
    /// The `d` attribute text.
    package private(set) var data = ""

    package init() {}

    /// A polyline through `points` (x, y in SVG user units); `closed` joins the last to the first.
    package init(points: [ChartPoint], closed: Bool = false) {
        for (index, point) in points.enumerated() {
            index == 0 ? move(to: point) : line(to: point)
        }
        if closed && !points.isEmpty { close() }
    }

    /// `M x y`.
    package mutating func move(to point: ChartPoint) { append("M", point) }
    /// `L x y`.
    package mutating func line(to point: ChartPoint) { append("L", point) }
    /// `Z`.
    package mutating func close() { data += data.isEmpty ? "Z" : " Z" }

    private mutating func append(_ command: String, _ point: ChartPoint) {
        data += (data.isEmpty ? "" : " ") + command + Markup.number(point.x) + " " + Markup.number(point.y)
    }
}

/// A point in SVG user units (x rightwards, y downwards).
package struct ChartPoint: Sendable, Equatable {
    package var x: Double
    package var y: Double
    package init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}
