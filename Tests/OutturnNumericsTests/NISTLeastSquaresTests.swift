import Foundation
import Testing
@testable import OutturnNumerics
import _TestSupport

/// NIST StRD linear least squares sets, graded by the log relative error (LRE: correct significant
/// digits) of every coefficient, standard error, residual SD and R² against the certified values.
@Suite("NIST StRD least squares")
struct NISTLeastSquaresTests {
    struct Certified: Decodable {
        let degree: Int?
        let intercept: Bool?
        let predictors: [String]?
        let coefficients: [Double]
        let std_errors: [Double]
        let residual_sd: Double
        let r_squared: Double
        let n: Int
    }

    static func certified(_ name: String) throws -> Certified {
        let data = try Data(contentsOf: Datasets.url("nist/certified.json"))
        let all = try JSONDecoder().decode([String: Certified].self, from: data)
        return try #require(all[name], "no certified values for \(name)")
    }

    /// Columns of `nist/<name>.csv` by header name.
    static func columns(_ name: String) throws -> [String: [Double]] {
        let lines = try Datasets.text("nist/\(name).csv").split(whereSeparator: \.isNewline)
        let header = lines[0].split(separator: ",").map(String.init)
        var result = [String: [Double]]()
        for line in lines.dropFirst() {
            for (name, field) in zip(header, line.split(separator: ",")) {
                result[name, default: []].append(try #require(Double(String(field))))
            }
        }
        return result
    }

    /// The extended type a test refines with: the platform's (Float80 on x86-64) or the portable
    /// double-double that other platforms use, so that both are checked here.
    enum Accumulator: String, CaseIterable, Sendable {
        case platform, doubleDouble
    }

    /// Fits a set the way its certified model says: polynomials through the centred fit,
    /// Longley and the no-intercept sets through the general design.
    static func fit(_ name: String, _ certified: Certified, refinement: LeastSquares.Refinement = .extendedPrecision,
                    accumulator: Accumulator = .platform) throws -> LeastSquaresFit {
        switch accumulator {
        case .platform: return try fit(name, certified, refinement: refinement, extended: PlatformExtended.self)
        case .doubleDouble: return try fit(name, certified, refinement: refinement, extended: DoubleDouble.self)
        }
    }

    static func fit<E: ExtendedReal>(_ name: String, _ certified: Certified, refinement: LeastSquares.Refinement,
                                     extended: E.Type) throws -> LeastSquaresFit {
        let data = try columns(name)
        let y = try #require(data["y"])
        if let predictors = certified.predictors {
            let columns = [[Double](repeating: 1, count: y.count)] + predictors.map { data[$0]! }
            return try LeastSquares.fit(design: Matrix(columnArrays: columns), response: y, refinement: refinement,
                                        extended: E.self)
        }
        let x = try #require(data["x"])
        if certified.intercept == false {
            return try LeastSquares.fit(design: Matrix(columnArrays: [x]), response: y, refinement: refinement,
                                        extended: E.self)
        }
        return try LeastSquares.fitPolynomial(x: x, response: y, degree: certified.degree ?? 1,
                                              refinement: refinement, extended: E.self)
    }

    /// The smallest LRE over coefficients, standard errors, residual SD and R².
    static func lowestLRE(_ fit: LeastSquaresFit, _ certified: Certified) throws -> (value: Double, detail: String) {
        var lowest = 15.0
        var detail = ""
        var parts = [Double](repeating: 15, count: 4) // coefficients, standard errors, residual SD, R²
        for (j, expected) in certified.coefficients.enumerated() {
            parts[0] = min(parts[0], logRelativeError(fit.coefficients[j], certified: expected))
            let lre = logRelativeError(fit.coefficients[j], certified: expected)
            if lre < lowest { lowest = lre; detail = "coefficient \(j): \(fit.coefficients[j]) vs \(expected)" }
        }
        for (j, expected) in certified.std_errors.enumerated() {
            let actual = try #require(fit.standardErrors[j])
            let lre = logRelativeError(actual, certified: expected)
            parts[1] = min(parts[1], lre)
            if lre < lowest { lowest = lre; detail = "standard error \(j): \(actual) vs \(expected)" }
        }
        let sd = try #require(fit.residualStandardError)
        let sdLRE = logRelativeError(sd, certified: certified.residual_sd)
        parts[2] = sdLRE
        if sdLRE < lowest { lowest = sdLRE; detail = "residual SD: \(sd) vs \(certified.residual_sd)" }
        let r2LRE = logRelativeError(fit.rSquared, certified: certified.r_squared)
        if r2LRE < lowest { lowest = r2LRE; detail = "R²: \(fit.rSquared) vs \(certified.r_squared)" }
        let summary = parts.map { String(format: "%.1f", $0) }.joined(separator: " / ")
        return (lowest, detail + "; LRE coefficients / SEs / residual SD / R²: " + summary)
    }

    static let allSets = ["norris", "pontius", "noint1", "noint2", "longley", "filip",
                          "wampler1", "wampler2", "wampler3", "wampler4", "wampler5"]

    @Test("refined in extended precision, every set reaches 9 correct digits (Float80 and double-double residuals)",
          arguments: allSets, Accumulator.allCases)
    func refinedReachesNineDigits(name: String, accumulator: Accumulator) throws {
        let certified = try Self.certified(name)
        let fit = try Self.fit(name, certified, accumulator: accumulator)
        #expect(fit.rank == certified.coefficients.count, "\(name) judged rank \(fit.rank)")
        #expect(fit.degreesOfFreedom == certified.n - certified.coefficients.count)
        let (lre, detail) = try Self.lowestLRE(fit, certified)
        print("NIST \(name) (refined, \(accumulator)): minimum LRE \(String(format: "%.2f", lre)) (\(detail))")
        #expect(lre >= 9, "\(name): only \(lre) digits at \(detail)")
    }

    @Test("unrefined, lower- and average-difficulty sets reach 9 correct digits",
          arguments: ["norris", "pontius", "noint1", "noint2"])
    func unrefinedLowerDifficulty(name: String) throws {
        let certified = try Self.certified(name)
        let fit = try Self.fit(name, certified, refinement: .none)
        let (lre, detail) = try Self.lowestLRE(fit, certified)
        print("NIST \(name) (unrefined): minimum LRE \(String(format: "%.2f", lre)) (\(detail))")
        #expect(lre >= 9, "\(name): only \(lre) digits at \(detail)")
    }

    @Test("unrefined, higher-difficulty sets reach 7 correct digits",
          arguments: ["longley", "filip", "wampler1", "wampler2", "wampler3", "wampler4", "wampler5"])
    func unrefinedHigherDifficulty(name: String) throws {
        let certified = try Self.certified(name)
        let fit = try Self.fit(name, certified, refinement: .none)
        #expect(fit.rank == certified.coefficients.count, "\(name) judged rank \(fit.rank)")
        let (lre, detail) = try Self.lowestLRE(fit, certified)
        print("NIST \(name) (unrefined): minimum LRE \(String(format: "%.2f", lre)) (\(detail))")
        #expect(lre >= 7, "\(name): only \(lre) digits at \(detail)")
    }

    @Test("refinement gains digits where plain QR loses them: Wampler5's intercept and Wampler4 gain at least 3")
    func refinementGainsOnWampler() throws {
        for name in ["wampler4", "wampler5"] {
            let certified = try Self.certified(name)
            let plain = try Self.lowestLRE(try Self.fit(name, certified, refinement: .none), certified).value
            let refined = try Self.lowestLRE(try Self.fit(name, certified), certified).value
            #expect(refined >= plain + 3, "\(name): \(plain) → \(refined) digits")
        }
    }

    @Test("raw-power design of Filip (condition ~1e15) through the general QR path ranks full and keeps 6 digits, refined or not",
          arguments: [LeastSquares.Refinement.none, .extendedPrecision])
    func filipRawDesign(refinement: LeastSquares.Refinement) throws {
        let certified = try Self.certified("filip")
        let data = try Self.columns("filip")
        let design = LeastSquares.polynomialDesign(data["x"]!, degree: 10)
        let fit = try LeastSquares.fit(design: design, response: data["y"]!, refinement: refinement)
        #expect(fit.rank == 11)
        let (lre, detail) = try Self.lowestLRE(fit, certified)
        print("NIST filip (raw powers, general QR, \(refinement)): minimum LRE \(String(format: "%.2f", lre)) (\(detail))")
        #expect(lre >= 6, "raw Filip: only \(lre) digits at \(detail)")
    }
}
