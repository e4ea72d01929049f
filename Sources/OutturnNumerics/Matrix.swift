/// A dense matrix of `Double` in column-major order, as BLAS and LAPACK expect.
///
/// `Matrix` is a value type: copies share storage until one of them is mutated
/// (copy-on-write, through the underlying `Array`). The leading dimension is always
/// `rows`; there are no strided views, so every matrix can be handed to LAPACK as is.
///
/// Element `(i, j)` (row `i`, column `j`, both zero-based) lives at `elements[i + j * rows]`.
public struct Matrix: Equatable, Sendable {
    /// Number of rows (m).
    public let rows: Int
    /// Number of columns (n).
    public let columns: Int
    /// The elements, column by column; `count == rows * columns`.
    public internal(set) var elements: [Double]

    /// A `rows × columns` matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must be non-negative, got \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A `rows × columns` matrix from its elements in column-major order.
    /// - Precondition: `elements.count == rows * columns`.
    public init(rows: Int, columns: Int, columnMajor elements: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix shape must be non-negative, got \(rows)×\(columns)")
        precondition(elements.count == rows * columns,
                     "Matrix \(rows)×\(columns) needs \(rows * columns) elements, got \(elements.count)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from its rows, each an array of the same length (convenient in tests and small fits).
    public init(rowArrays: [[Double]]) {
        let m = rowArrays.count
        let n = rowArrays.first?.count ?? 0
        var elements = [Double](repeating: 0, count: m * n)
        for (i, row) in rowArrays.enumerated() {
            precondition(row.count == n, "Row \(i) has \(row.count) elements, expected \(n)")
            for j in 0..<n { elements[i + j * m] = row[j] }
        }
        self.init(rows: m, columns: n, columnMajor: elements)
    }

    /// A matrix whose columns are the given vectors, all of the same length.
    public init(columnArrays: [[Double]]) {
        let n = columnArrays.count
        let m = columnArrays.first?.count ?? 0
        var elements: [Double] = []
        elements.reserveCapacity(m * n)
        for (j, column) in columnArrays.enumerated() {
            precondition(column.count == m, "Column \(j) has \(column.count) elements, expected \(m)")
            elements.append(contentsOf: column)
        }
        self.init(rows: m, columns: n, columnMajor: elements)
    }

    /// The `n × n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var result = Matrix(rows: n, columns: n)
        for i in 0..<n { result.elements[i + i * n] = 1 }
        return result
    }

    /// Element at row `i`, column `j` (zero-based).
    public subscript(i: Int, j: Int) -> Double {
        get {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns,
                         "Index (\(i), \(j)) out of range for \(rows)×\(columns) matrix")
            return elements[i + j * rows]
        }
        set {
            precondition(i >= 0 && i < rows && j >= 0 && j < columns,
                         "Index (\(i), \(j)) out of range for \(rows)×\(columns) matrix")
            elements[i + j * rows] = newValue
        }
    }

    /// Column `j` as an array of length `rows`.
    public func column(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < columns, "Column \(j) out of range for \(rows)×\(columns) matrix")
        return Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as an array of length `columns`.
    public func row(_ i: Int) -> [Double] {
        precondition(i >= 0 && i < rows, "Row \(i) out of range for \(rows)×\(columns) matrix")
        return (0..<columns).map { elements[i + $0 * rows] }
    }

    /// The transpose, `columns × rows`.
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { result.elements[j + i * columns] = elements[i + j * rows] }
        }
        return result
    }
}
