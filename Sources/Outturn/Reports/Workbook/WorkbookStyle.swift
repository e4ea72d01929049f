/// The workbook's cell styles: one per kind of cell, plain and bold (for headers and totals).
enum WorkbookStyle {
    /// The kinds of cell format, in the order of `cellXfs` (plain first, then the same bold).
    enum Kind: Int, CaseIterable {
        case text, money, percent, probability, quantity, red, amber, green
    }

    /// The `s` attribute of a cell of `kind`.
    static func index(_ kind: Kind, bold: Bool) -> Int { kind.rawValue + (bold ? Kind.allCases.count : 0) }

    /// `"£"#,##0` with a leading minus for negatives, as the text tables write money.
    static let moneyFormat = "\"£\"#,##0;-\"£\"#,##0"
    /// One decimal, as the text tables write percentages.
    static let percentFormat = "0.0%"

    /// (numFmtId, fillId) of each kind. 164 and 165 are the custom formats above; 9 is Excel's
    /// built-in `0%`, 3 its built-in `#,##0`.
    static func format(_ kind: Kind) -> (numberFormat: Int, fill: Int) {
        switch kind {
        case .text: return (0, 0)
        case .money: return (164, 0)
        case .percent: return (165, 0)
        case .probability: return (9, 0)
        case .quantity: return (3, 0)
        case .red: return (0, 2)
        case .amber: return (0, 3)
        case .green: return (0, 4)
        }
    }

    /// Fill colours (ARGB) for red, amber and green: light tints, so the black text stays legible.
    static let ragFills = ["FFF4C7C3", "FFFFE0B2", "FFC8E6C9"]

    static var stylesheet: String {
        var xfs = ""
        for bold in [false, true] {
            for kind in Kind.allCases {
                let (numberFormat, fill) = format(kind)
                xfs += "<xf numFmtId=\"\(numberFormat)\" fontId=\"\(bold ? 1 : 0)\" fillId=\"\(fill)\" borderId=\"0\" xfId=\"0\""
                    + (numberFormat != 0 ? " applyNumberFormat=\"1\"" : "") + (bold ? " applyFont=\"1\"" : "")
                    + (fill != 0 ? " applyFill=\"1\"" : "") + "/>"
            }
        }
        let fills = ragFills.map {
            "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"\($0)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }.joined()
        return WorkbookXML.declaration
            + "<styleSheet xmlns=\"\(WorkbookXML.mainNamespace)\">"
            + "<numFmts count=\"2\"><numFmt numFmtId=\"164\" formatCode=\"\(Markup.escaped(moneyFormat))\"/>"
            + "<numFmt numFmtId=\"165\" formatCode=\"\(Markup.escaped(percentFormat))\"/></numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
            + "<fills count=\"\(2 + ragFills.count)\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill>" + fills + "</fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(2 * Kind.allCases.count)\">" + xfs + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
    }
}
