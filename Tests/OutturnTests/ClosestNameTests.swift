import Testing
import _TestSupport
@testable import Outturn

@Suite("Closest-name hints")
struct ClosestNameTests {
    /// The unbounded definition: among candidates within a plausible typo of the name (full edit
    /// distance at most a third of the longer name, at least 1), the first with the smallest distance.
    static func reference(_ name: String, _ candidates: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            let distance = ClosestName.editDistance(target, other)
            guard distance <= max(1, max(target.count, other.count) / 3) else { continue }
            if best == nil || distance < best!.1 { best = (candidate, distance) }
        }
        return best?.0
    }

    @Test("the banded search picks what the full edit distance picks, on 3,000 random typo searches")
    func agreesWithFullDistance() {
        var generator = SeededGenerator(seed: 12)
        let letters = Array("abcde")
        func word(_ length: Int) -> String {
            String((0..<length).map { _ in letters[Int.random(in: 0..<letters.count, using: &generator)] })
        }
        for _ in 0..<3_000 {
            let candidates = (0..<Int.random(in: 1...8, using: &generator)).map { _ in word(Int.random(in: 0...12, using: &generator)) }
            let name = word(Int.random(in: 0...12, using: &generator))
            #expect(ClosestName.match(name, among: candidates) == Self.reference(name, candidates), "\(name) in \(candidates)")
        }
    }

    @Test("common typos: a swap, a dropped letter, a different case")
    func commonTypos() {
        #expect(ClosestName.match("valeu", among: ["value", "period", "series"]) == "value")
        #expect(ClosestName.match("Airwav", among: ["SRS Collaboration", "Airwave"]) == "Airwave")
        #expect(ClosestName.match("AIRWAVE", among: ["Airwave"]) == "Airwave")
        #expect(ClosestName.match("xyz", among: ["Airwave"]) == nil)
        #expect(ClosestName.match("Línea", among: ["LÍNEA 2", "línea"]) == "línea")
    }

    @Test("a name longer than the limit gets no hint (a 20 KB name is not a typo)")
    func longNameGetsNoHint() {
        let long = String(repeating: "a", count: 20_000)
        #expect(ClosestName.match(long, among: [long + "b", "a"]) == nil)
    }

    @Test("a 200-character typo among 20,000 names of the same length finds a planted near match, or none")
    func boundedOnManyNames() {
        let typo = String(repeating: "ab", count: 100)
        let far = String(repeating: "z", count: 194)
        var names = (0..<20_000 as Range<Int>).map { far + String(100_000 + $0) }
        names[5] = String(repeating: "ab", count: 99) + "ba"
        // The planted name is found first (distance 1); the rest are all far and rejected by the band.
        #expect(ClosestName.match(typo, among: names) == names[5])
        // Without a near match: nil, the whole search bounded by the work limit.
        names[5] = names[6]
        #expect(ClosestName.match(typo, among: names) == nil)
    }
}
