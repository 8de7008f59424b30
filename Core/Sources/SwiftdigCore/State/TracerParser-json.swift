// SPDX-License-Identifier: Apache-2.0

/// The JSON form of tracers, `[">", ID, ["TAG", ...], [{"NAME":"VALUE"}, ...]]`, decoded as
/// libsinsp's loose scanner decodes it (not a JSON parser: it counts separators, and strings keep
/// their escapes).
extension TracerParser {
    private static let space = UInt8(ascii: " "), comma = UInt8(ascii: ","), quote = UInt8(ascii: "\"")
    private static let openSquare = UInt8(ascii: "["), closeSquare = UInt8(ascii: "]")
    private static let openCurly = UInt8(ascii: "{"), closeCurly = UInt8(ascii: "}")

    /// A step of the scanner: how far it moved, or why it stopped.
    private typealias Step = (result: Result, delta: Int)

    func decodeJSON() {
        var p = skipSpaces(0)
        guard storage[p] == Self.openSquare else {
            result = .failed
            return
        }
        p += 1
        // The type, `">"` or `"<"`.
        var string = quotedString(at: p)
        guard string.result == .ok else { return failing(string.result) }
        isEnter = storage[p + 1] == UInt8(ascii: ">")
        p += string.delta
        var step = spacesAndCommas(at: p, expected: 1)
        guard step.result == .ok else { return failing(step.result) }
        p += step.delta
        // The id: a number, or a scope letter in quotes.
        var delta = step.delta
        var idResult = Result.ok
        if storage[p] == Self.quote {
            p += 1
            if let (value, skip) = scope(at: &p) {
                id = value
                delta = skip
            } else {
                // libsinsp notes the failure, moves by the last step's length and goes on.
                idResult = .failed
            }
        } else {
            let number = decimal(at: p)
            idResult = number.result
            guard idResult.rawValue <= Result.comma.rawValue else { return failing(idResult) }
            delta = number.delta
        }
        p += delta
        step = idResult == .comma ? (.ok, skipSpaces(p) - p) : spacesAndCommas(at: p, expected: 1)
        guard step.result == .ok else { return failing(step.result) }
        p += step.delta
        // The tags.
        step = spacesAnd(Self.openSquare, at: p)
        guard step.result == .ok else { return failing(step.result) }
        p += step.delta
        string = optionalString(at: p)
        guard string.result == .ok else { return failing(string.result) }
        if let found = string.piece {
            p += string.delta
            appendTag(found)
            while true {
                step = spacesAndCommas(at: p, expected: 0)
                guard step.result == .ok else { return failing(step.result) }
                p += step.delta
                if storage[p] == Self.closeSquare { break }
                string = quotedString(at: p)
                guard string.result == .ok, let piece = string.piece else { return failing(string.result) }
                p += string.delta
                appendTag(piece)
            }
        } else {
            p += string.delta
        }
        // The arguments.
        step = spacesCommasAndBrackets(at: p)
        guard step.result == .ok else { return failing(step.result) }
        p += step.delta
        string = optionalString(at: p)
        guard string.result == .ok else { return failing(string.result) }
        p += string.delta
        if let name = string.piece {
            guard argument(named: name, at: &p) else { return }
            while true {
                step = spacesCommasAndCurlies(at: p)
                guard step.result == .ok else { return failing(step.result) }
                p += step.delta
                if storage[p] == Self.closeSquare {
                    p += 1
                    break
                }
                string = quotedString(at: p)
                guard string.result == .ok, let next = string.piece else { return failing(string.result) }
                p += string.delta
                guard argument(named: next, at: &p) else { return }
            }
        }
        p = skipSpaces(p)
        guard storage[p] == Self.closeSquare else {
            result = storage[p] == 0 ? .truncated : .failed
            return
        }
        result = .ok
    }

    private func failing(_ r: Result) { result = r }

    private func appendTag(_ piece: Piece) {
        tags.append(piece)
        if tags.count == 1 { firstTagLength = piece.count }
        totalTagLength += piece.count
    }

    /// After an argument's name: `:` and its value. Returns false (with ``result`` set) on failure.
    private func argument(named name: Piece, at p: inout Int) -> Bool {
        argNames.append(name)
        let colon = spacesAnd(UInt8(ascii: ":"), at: p)
        guard colon.result == .ok else {
            result = colon.result
            return false
        }
        p += colon.delta
        let value = quotedString(at: p)
        guard value.result == .ok, let piece = value.piece else {
            result = value.result
            return false
        }
        p += value.delta
        argValues.append(piece)
        return true
    }

    private func skipSpaces(_ start: Int) -> Int {
        var p = start
        while storage[p] == Self.space { p += 1 }
        return p
    }

    /// Spaces and commas, at least `expected` commas.
    private func spacesAndCommas(at start: Int, expected: Int) -> Step {
        var p = start
        var commas = 0
        while true {
            let c = storage[p]
            if c == Self.space {
            } else if c == Self.comma {
                commas += 1
            } else if c == 0 {
                return (.truncated, 0)
            } else {
                break
            }
            p += 1
        }
        return commas < expected ? (.failed, 0) : (.ok, p - start)
    }

    /// Spaces and exactly one `char`.
    private func spacesAnd(_ char: UInt8, at start: Int) -> Step {
        var p = start
        var seen = 0
        while storage[p] == Self.space || storage[p] == char || storage[p] == 0 {
            if storage[p] == 0 { return (.truncated, 0) }
            if storage[p] == char { seen += 1 }
            p += 1
        }
        return seen != 1 ? (.failed, 0) : (.ok, p - start)
    }

    /// Between the tags and the first argument: `], [{` with spaces (or `], []` for none).
    private func spacesCommasAndBrackets(at start: Int) -> Step {
        var p = start
        var commas = 0, squares = 0, curlies = 0
        loop: while true {
            switch storage[p] {
            case 0: return (.truncated, 0)
            case Self.comma: commas += 1
            case Self.openSquare: squares += 1
            case Self.closeSquare: if squares != 0 { break loop }
            case Self.openCurly: curlies += 1
            case Self.space, Self.closeCurly: break
            default: break loop
            }
            p += 1
        }
        if commas != 1 || squares != 1 { return (.failed, 0) }
        if curlies != 1 && storage[p] != Self.closeSquare { return (.failed, 0) }
        return (.ok, p - start)
    }

    /// Between two arguments: `}, {`, or the `}` before the closing `]`.
    private func spacesCommasAndCurlies(at start: Int) -> Step {
        var p = start
        var commas = 0, opens = 0, closes = 0
        loop: while true {
            switch storage[p] {
            case 0: return (.truncated, 0)
            case Self.comma: commas += 1
            case Self.openCurly: opens += 1
            case Self.closeCurly: closes += 1
            case Self.space: break
            default: break loop
            }
            p += 1
        }
        let ok = (commas == 1 && opens == 1) || (commas == 1 && closes == 1)
            || (closes == 1 && storage[p] == Self.closeSquare)
        return ok ? (.ok, p - start) : (.failed, 0)
    }

    /// A string in double quotes (a quote after a backslash does not end it), ended in place with a
    /// NUL. `delta` covers the quotes; on failure it is 1.
    private func quotedString(at start: Int) -> (result: Result, piece: Piece?, delta: Int) {
        guard storage[start] == Self.quote else {
            return (storage[start] == 0 ? .truncated : .failed, nil, 1)
        }
        var p = start + 1
        while !(storage[p] == Self.quote && storage[p - 1] != UInt8(ascii: "\\")) {
            if storage[p] == 0 { return (.truncated, nil, p - start + 1) }
            p += 1
        }
        storage[p] = 0
        return (.ok, Piece(start: start + 1, count: p - start - 1), p - start + 1)
    }

    /// A string, or no string at all (an empty list): anything else than a string counts as none.
    private func optionalString(at start: Int) -> (result: Result, piece: Piece?, delta: Int) {
        let found = quotedString(at: start)
        if found.result == .failed { return (.ok, nil, found.delta) }
        return found
    }

    /// A decimal number (optionally negative), ended by a comma (``Result/comma``) or a space; the
    /// byte after it becomes a NUL.
    private func decimal(at start: Int) -> (result: Result, delta: Int) {
        let (value, p) = decimalDigits(at: start)
        var r = Result.ok
        if storage[p] == Self.comma {
            r = .comma
        } else if storage[p] == 0 {
            return (.truncated, 0)
        } else if storage[p] != Self.space {
            return (.failed, 0)
        }
        storage[p] = 0
        id = value
        return (r, p - start + 1)
    }
}
