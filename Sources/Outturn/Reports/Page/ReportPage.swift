import Foundation
import Plot

/// A report as one self-contained HTML page: inline CSS and inline SVG, no scripts, no fonts or
/// links to fetch, so it opens from an email attachment and prints on A4.
///
/// Built from generic parts (a summary, then sections of tables, charts, notes and facts) so that
/// every report (forecast, variance, monitor, evaluate) can fill it.
package struct ReportPage: Sendable, Equatable {
    /// The page's heading and `<title>` (`Forecast 2022/23`).
    package var title: String
    /// A line under the heading (scenario and data), or nil.
    package var subtitle: String?
    /// The summary block at the top.
    package var summary: PageSummary?
    /// The sections, in order.
    package var sections: [PageSection]

    package init(title: String, subtitle: String? = nil, summary: PageSummary? = nil, sections: [PageSection]) {
        self.title = title
        self.subtitle = subtitle
        self.summary = summary
        self.sections = sections
    }

    /// The page as HTML text (UTF-8, `<!DOCTYPE html>`).
    package func html() -> String {
        let html = HTML(
            .lang(.english),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", nodes: [.raw(Markup.escaped(title))]),
                .style(PageStyle.css)
            ),
            .body(
                .header(
                    .h1(.safe(title)),
                    .unwrap(subtitle) { .p(.class("subtitle"), .safe($0)) }
                ),
                .main(
                    .unwrap(summary) { PageHTML.summary($0) },
                    .group(sections.enumerated().map { PageHTML.section($1, index: $0) })
                )
            )
        )
        return html.render()
    }

    /// Writes the page to `path` atomically, never over one of `inputs`.
    /// - Throws: ``OutputError`` naming `path` if it is an input or cannot be written.
    package func write(to path: String, refusingToOverwrite inputs: [String]) throws {
        try OutputFile.write(html(), to: path, refusingToOverwrite: inputs)
    }
}

/// The block at the top of a page: headline figures and the RAG counts.
package struct PageSummary: Sendable, Equatable {
    /// Headline figures (`Projected spend` → £1,234,567), in order.
    package var figures: [Figure]
    /// The overall status (the total's RAG) and what it means in words, or nil.
    package var status: Status?
    /// How many lines are red, amber and green, with an amount for each (their budgets, say).
    package var ragCounts: [RAGCount]
    /// What the amount of a RAG count is (`budget`).
    package var countAmountLabel: String

    /// One headline figure.
    package struct Figure: Sendable, Equatable {
        package var label: String
        package var value: DocumentCell
        package init(label: String, value: DocumentCell) {
            self.label = label
            self.value = value
        }
    }

    /// The overall RAG with a sentence saying what it means.
    package struct Status: Sendable, Equatable {
        package var rag: RAG
        package var text: String
        package init(rag: RAG, text: String) {
            self.rag = rag
            self.text = text
        }
    }

    /// Lines of one status: how many and their amount.
    package struct RAGCount: Sendable, Equatable {
        package var rag: RAG
        package var count: Int
        package var amount: Money
        package init(rag: RAG, count: Int, amount: Money) {
            self.rag = rag
            self.count = count
            self.amount = amount
        }
    }

    package init(figures: [Figure], status: Status? = nil, ragCounts: [RAGCount] = [],
                countAmountLabel: String = "budget") {
        self.figures = figures
        self.status = status
        self.ragCounts = ragCounts
        self.countAmountLabel = countAmountLabel
    }
}

/// A section of a page: a heading and one kind of content.
package struct PageSection: Sendable, Equatable {
    /// What a section holds.
    package enum Content: Sendable, Equatable {
        /// A table (its title is the caption), with an optional note under it (a legend).
        case table(DocumentTable, note: String?)
        /// Charts, each with its text alternative, with an optional note under them (which lines are shown).
        case charts([SVGChart], note: String?)
        /// Named paragraphs: the reasons (`Airwave` → `one year of history: …`).
        case notes([Note])
        /// Key–value facts: the assumptions, the audit trail.
        case facts([Fact])
    }

    /// A paragraph about one subject.
    package struct Note: Sendable, Equatable {
        package var subject: String
        package var text: String
        package init(subject: String, text: String) {
            self.subject = subject
            self.text = text
        }
    }

    /// One fact: a name and its value as text.
    package struct Fact: Sendable, Equatable {
        package var name: String
        package var value: String
        package init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    package var heading: String
    package var content: Content

    package init(heading: String, content: Content) {
        self.heading = heading
        self.content = content
    }
}

extension Node where Context: HTML.BodyContext {
    /// Text escaped by Outturn (Plot's own escaping keeps `&amp;`-like sequences as entities).
    static func safe(_ text: String) -> Node { .raw(Markup.escaped(text)) }
}

/// The HTML of each part of a page.
enum PageHTML {
    static func summary(_ summary: PageSummary) -> Node<HTML.BodyContext> {
        .section(
            .class("summary"),
            .attribute(named: "aria-label", value: "Summary"),
            .div(.class("figures"), .group(summary.figures.map { figure in
                .div(.class("figure"),
                     .div(.class("figure-label"), .safe(figure.label)),
                     .div(.class("figure-value"), .safe(figure.value.display)))
            })),
            .unwrap(summary.status) { status in
                .p(.class("status"), ragBadge(status.rag), .text(" "), .safe(status.text))
            },
            .if(!summary.ragCounts.isEmpty, .ul(.class("rag-counts"), .group(summary.ragCounts.map { item in
                .li(ragBadge(item.rag),
                    .safe(" \(item.count) \(item.count == 1 ? "line" : "lines"), \(item.amount.formatted()) \(summary.countAmountLabel)"))
            })))
        )
    }

    /// The RAG as a coloured badge carrying its name in words (never colour alone).
    static func ragBadge(_ rag: RAG) -> Node<HTML.BodyContext> {
        .span(.class("rag rag-\(rag.rawValue)"), .safe(rag.label))
    }

    static func section(_ section: PageSection, index: Int) -> Node<HTML.BodyContext> {
        let id = "section-\(index + 1)"
        return .section(
            .class("block"),
            .attribute(named: "aria-labelledby", value: id),
            .h2(.id(id), .safe(section.heading)),
            content(section.content)
        )
    }

    static func content(_ content: PageSection.Content) -> Node<HTML.BodyContext> {
        switch content {
        case .table(let table, let note):
            return .group(self.table(table), .unwrap(note) { .p(.class("note"), .safe($0)) })
        case .charts(let charts, let note):
            return .group(.div(.class("charts"), .group(charts.map { chart in
                .element(named: "figure", nodes: [.raw(chart.markup)])
            })), .unwrap(note) { .p(.class("note"), .safe($0)) })
        case .notes(let notes):
            return .dl(.class("notes"), .group(notes.map { note in
                .group(.dt(.safe(note.subject)), .dd(.safe(note.text)))
            }))
        case .facts(let facts):
            return .dl(.class("facts"), .group(facts.map { fact in
                .group(.dt(.safe(fact.name)), .dd(.safe(fact.value)))
            }))
        }
    }

    static func table(_ table: DocumentTable) -> Node<HTML.BodyContext> {
        let numeric = table.columns.indices.map { column in (table.rows + table.footer).contains { $0[column].isNumeric } }
        // The first cell of each row (the line's name) is its row header, for screen readers.
        func cells(_ row: [DocumentCell]) -> Node<HTML.TableRowContext> {
            .group(row.enumerated().map { column, cell in
                let classes = numeric[column] ? "num" : nil
                let content: Node<HTML.BodyContext>
                if case .rag(let rag) = cell { content = ragBadge(rag) } else { content = .safe(cell.display) }
                return column == 0 ? .th(.attribute(named: "scope", value: "row"), .unwrap(classes) { .class($0) }, content)
                    : .td(.unwrap(classes) { .class($0) }, content)
            })
        }
        return .div(.class("table-wrap"), .table(
            .caption(.safe(table.title)),
            .thead(.tr(.group(table.columns.enumerated().map { column, name in
                .th(.attribute(named: "scope", value: "col"), .unwrap(numeric[column] ? "num" : nil) { .class($0) }, .safe(name))
            }))),
            .tbody(.group(table.rows.map { .tr(cells($0)) })),
            .if(!table.footer.isEmpty, .tfoot(.group(table.footer.map { .tr(cells($0)) })))
        ))
    }
}
