import Foundation

/// Budget lines by fiscal year, as read from a ledger CSV: every (line, year) at most once. Years
/// missing inside a line's run are allowed and listed in ``gaps`` (a warning: the line is projected
/// from the years present).
///
/// Stored compactly, one copy: each line's name once, and per row only its year, budget, actual
/// (pence) and source line, grouped by line and sorted by year, so that a ledger of millions of
/// rows takes about 24 bytes a row.
public struct Ledger: Sendable {
    /// How the file is named in messages.
    public let fileName: String
    /// Line names (the spelling of their first row) in order of first appearance.
    public let lineNames: [String]
    /// Every fiscal year present, ascending.
    public let years: [FiscalYear]
    /// How the file writes its years (one style per file): every year the ledger gives out prints so.
    public let yearStyle: YearLabelStyle
    /// Years missing inside a line's run of years, by line in ledger order, then by year.
    public let gaps: [LedgerGap]

    /// Lowercased name → index into ``lineNames``.
    private let indexByKey: LineNameIndex
    /// Rows of line k are `rowStart[k] ..< rowStart[k + 1]`, oldest first.
    private let rowStart: [Int]
    private let rowYear: [Int32]
    private let rowBudget: [Int64]
    private let rowActual: [Int64]
    private let rowSourceLine: [Int32]

    /// Builds a ledger from entries, rejecting duplicates (gaps are listed in ``gaps``).
    /// - Throws: ``InputError`` naming the file and the line of the offending row.
    /// - Complexity: O(n log n) for n entries.
    public init(fileName: String, entries: [LedgerEntry]) throws {
        var builder = Builder(fileName: fileName)
        builder.yearStyle = entries.first?.year.style ?? .span
        for entry in entries { builder.append(entry) }
        self = try builder.finish()
    }

    fileprivate init(fileName: String, lineNames: [String], indexByKey: LineNameIndex, rowStart: [Int],
                     rowYear: [Int32], rowBudget: [Int64], rowActual: [Int64], rowSourceLine: [Int32], years: [FiscalYear],
                     yearStyle: YearLabelStyle, gaps: [LedgerGap]) {
        self.fileName = fileName
        self.lineNames = lineNames
        self.indexByKey = indexByKey
        self.rowStart = rowStart
        self.rowYear = rowYear
        self.rowBudget = rowBudget
        self.rowActual = rowActual
        self.rowSourceLine = rowSourceLine
        self.years = years
        self.yearStyle = yearStyle
        self.gaps = gaps
    }

    /// The latest fiscal year in the ledger.
    public var latestYear: FiscalYear { years.last! }

    /// Number of rows (line-years).
    public var rowCount: Int { rowYear.count }

    /// All entries in file order (built on demand: O(n log n); for small ledgers).
    public var entries: [LedgerEntry] {
        lineNames.indices.flatMap { history(atIndex: $0) }.sorted { $0.sourceLine < $1.sourceLine }
    }

    /// The entries for `line` (case-insensitive), oldest first.
    public func history(of line: String) -> [LedgerEntry] {
        lineIndex(matching: line).map { history(atIndex: $0) } ?? []
    }

    /// The entries of the line at `index` in ``lineNames``, oldest first.
    package func history(atIndex index: Int) -> [LedgerEntry] {
        let name = lineNames[index]
        return (rowStart[index]..<rowStart[index + 1]).map { row in
            LedgerEntry(lineName: name, year: FiscalYear(startYear: Int(rowYear[row]), style: yearStyle), budget: Money(pence: rowBudget[row]),
                        actual: Money(pence: rowActual[row]), sourceLine: Int(rowSourceLine[row]))
        }
    }

    /// The latest entry of the line at `index` (nil for a line without rows), without building its history.
    package func latestEntry(atIndex index: Int) -> LedgerEntry? {
        let row = rowStart[index + 1] - 1
        guard row >= rowStart[index] else { return nil }
        return LedgerEntry(lineName: lineNames[index], year: FiscalYear(startYear: Int(rowYear[row])), budget: Money(pence: rowBudget[row]),
                           actual: Money(pence: rowActual[row]), sourceLine: Int(rowSourceLine[row]))
    }

    /// Number of years of history of the line at `index`.
    package func historyLength(atIndex index: Int) -> Int { rowStart[index + 1] - rowStart[index] }

    /// The entries for `year`, in file order.
    /// - Complexity: O(n + k log k) for n rows and k entries in `year`; only those k are built.
    public func entries(in year: FiscalYear) -> [LedgerEntry] {
        let wanted = Int32(clamping: year.startYear)
        var found: [(sourceLine: Int32, line: Int, row: Int)] = []
        for line in lineNames.indices {
            for row in rowStart[line]..<rowStart[line + 1] where rowYear[row] == wanted {
                found.append((rowSourceLine[row], line, row))
            }
        }
        found.sort { ($0.sourceLine, $0.line) < ($1.sourceLine, $1.line) }
        return found.map { entry in
            LedgerEntry(lineName: lineNames[entry.line], year: year.styled(yearStyle), budget: Money(pence: rowBudget[entry.row]),
                        actual: Money(pence: rowActual[entry.row]), sourceLine: Int(entry.sourceLine))
        }
    }

    /// The ledger's own spelling of `name` (case-insensitive match), or nil.
    public func lineName(matching name: String) -> String? { lineIndex(matching: name).map { lineNames[$0] } }

    /// The index in ``lineNames`` of `name` (case-insensitive), or nil.
    package func lineIndex(matching name: String) -> Int? { indexByKey.index(of: name.lowercased(), names: lineNames) }

    /// Collects rows in file order, then checks and groups them (see ``Ledger/init(fileName:entries:)``).
    struct Builder {
        let fileName: String
        private var names: [String] = []
        private var indexByKey = LineNameIndex()
        private var rowLine: [Int32] = []
        private var rowYear: [Int32] = []
        private var rowBudget: [Int64] = []
        private var rowActual: [Int64] = []
        private var rowSourceLine: [Int32] = []
        /// True while rows arrive grouped by line with years rising (no reordering needed).
        private var inOrder = true
        /// How the file writes its years.
        var yearStyle = YearLabelStyle.span

        init(fileName: String) { self.fileName = fileName }

        /// Rows appended so far.
        var rowCount: Int { rowYear.count }

        /// Makes room for `rows` rows in all.
        mutating func reserveCapacity(_ rows: Int) {
            rowLine.reserveCapacity(rows)
            rowYear.reserveCapacity(rows)
            rowBudget.reserveCapacity(rows)
            rowActual.reserveCapacity(rows)
            rowSourceLine.reserveCapacity(rows)
        }

        /// Appends a run of rows of one line, in file order (`line`, its lowercased `key`, and one
        /// element per row in the other arguments): the same as appending them one by one, with the
        /// name looked up once and the amounts copied in bulk.
        mutating func appendRun(line: String, key: String, years: ArraySlice<Int32>, budgets: ArraySlice<Int64>,
                                actuals: ArraySlice<Int64>, sourceLines: ArraySlice<Int32>) {
            let index: Int
            if let last = names.last, last == line {
                index = names.count - 1
            } else if let known = indexByKey.index(of: key, names: names) {
                index = known
            } else {
                index = names.count
                names.append(line)
                indexByKey.insert(key, at: index)
            }
            let index32 = Int32(index)
            for year in years {
                if let previous = rowLine.last {
                    if previous == index32 { if year <= rowYear.last! { inOrder = false } }
                    else if Int(previous) != index - 1 || index != names.count - 1 { inOrder = false }
                }
                rowLine.append(index32)
                rowYear.append(year)
            }
            rowBudget.append(contentsOf: budgets)
            rowActual.append(contentsOf: actuals)
            rowSourceLine.append(contentsOf: sourceLines)
        }

        mutating func append(_ entry: LedgerEntry) {
            append(line: entry.lineName, year: entry.year, budget: entry.budget, actual: entry.actual, sourceLine: entry.sourceLine)
        }

        mutating func append(line: String, year: FiscalYear, budget: Money, actual: Money, sourceLine: Int) {
            let index: Int
            if let last = names.last, last == line {
                index = names.count - 1
            } else {
                let key = line.lowercased()
                if let known = indexByKey.index(of: key, names: names) {
                    index = known
                } else {
                    index = names.count
                    names.append(line)
                    indexByKey.insert(key, at: index)
                }
            }
            let year32 = Int32(clamping: year.startYear)
            if let previous = rowLine.last {
                if Int(previous) == index { if year32 <= rowYear.last! { inOrder = false } }
                else if Int(previous) != index - 1 || index != names.count - 1 { inOrder = false }
            }
            rowLine.append(Int32(index))
            rowYear.append(year32)
            rowBudget.append(budget.pence)
            rowActual.append(actual.pence)
            rowSourceLine.append(Int32(clamping: sourceLine))
        }

        /// The distinct values of `years`, ascending: marked in a table over their range (one pass,
        /// no hashing) unless the range is very wide.
        static func distinctYears(_ years: [Int32], style: YearLabelStyle) -> [FiscalYear] {
            guard let low = years.min(), let high = years.max() else { return [] }
            let width = Int(high) - Int(low) + 1
            guard width <= 1 << 16 else { return Set(years).sorted().map { FiscalYear(startYear: Int($0), style: style) } }
            var present = [Bool](repeating: false, count: width)
            for year in years { present[Int(year) - Int(low)] = true }
            return present.indices.filter { present[$0] }.map { FiscalYear(startYear: Int(low) + $0, style: style) }
        }

        /// The ledger, or the first duplicate (by line, then year); gaps are collected.
        consuming func finish() throws -> Ledger {
            guard !rowLine.isEmpty else {
                throw InputError(file: fileName, line: nil, message: "the ledger has no rows",
                                 hint: "add one row per budget line and year: line,year,budget,actual")
            }
            var start = [Int](repeating: 0, count: names.count + 1)
            for index in rowLine { start[Int(index) + 1] += 1 }
            for k in names.indices { start[k + 1] += start[k] }
            if !inOrder {
                // Stable counting sort by line, then each line's rows by (year, source line).
                var next = start
                var order = [Int](repeating: 0, count: rowLine.count)
                for (row, index) in rowLine.enumerated() {
                    order[next[Int(index)]] = row
                    next[Int(index)] += 1
                }
                for k in names.indices {
                    order[start[k]..<start[k + 1]].sort { (rowYear[$0], rowSourceLine[$0]) < (rowYear[$1], rowSourceLine[$1]) }
                }
                rowYear = order.map { rowYear[$0] }
                rowBudget = order.map { rowBudget[$0] }
                rowActual = order.map { rowActual[$0] }
                rowSourceLine = order.map { rowSourceLine[$0] }
            }
            rowLine = []
            var gaps: [LedgerGap] = []
            for k in names.indices {
                let range = start[k]..<start[k + 1]
                for row in range.dropFirst() {
                    let earlier = FiscalYear(startYear: Int(rowYear[row - 1]), style: yearStyle)
                    let later = FiscalYear(startYear: Int(rowYear[row]), style: yearStyle)
                    if later == earlier {
                        throw InputError(file: fileName, line: Int(rowSourceLine[row]),
                                         message: "line '\(names[k])' has a second row for \(later) (the first is on line \(rowSourceLine[row - 1]))",
                                         hint: "each budget line has one row per year; combine or remove one of them")
                    }
                    if later != earlier.next {
                        gaps.append(LedgerGap(lineName: names[k], missing: (earlier.startYear + 1..<later.startYear).map {
                            FiscalYear(startYear: $0, style: yearStyle)
                        }, sourceLine: Int(rowSourceLine[row])))
                    }
                }
            }
            return Ledger(fileName: fileName, lineNames: names, indexByKey: indexByKey, rowStart: start, rowYear: rowYear,
                          rowBudget: rowBudget, rowActual: rowActual, rowSourceLine: rowSourceLine,
                          years: Builder.distinctYears(rowYear, style: yearStyle), yearStyle: yearStyle,
                          gaps: gaps)
        }
    }
}
