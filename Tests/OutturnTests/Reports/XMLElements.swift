import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses XML with Foundation's parser (an independent reader) into a flat list of elements with
/// their attributes and text; nil when the document is not well-formed.
final class XMLElements: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ text: String) -> [Element]? {
        let collector = XMLElements()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = collector
        return parser.parse() ? collector.elements : nil
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(Element(name: elementName, attributes: attributeDict, text: ""))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        open.removeLast()
    }
}

extension Array where Element == XMLElements.Element {
    func named(_ name: String, class className: String? = nil) -> [XMLElements.Element] {
        filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }
    }
}

/// The points of an SVG path's `d` made of M/L commands.
func pathPoints(_ d: String) -> [(x: Double, y: Double)] {
    let numbers = d.split(whereSeparator: { "MLZ ".contains($0) }).compactMap { Double($0) }
    return stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
}
