// SPDX-License-Identifier: Apache-2.0

/// The text `sysdig -L` prints: one line per event type that a user can see, in code order.
///
/// Like libsinsp's `list_events` (e5c53d64), it skips events flagged UNUSED or OLD_VERSION and those
/// whose category has the INTERNAL bit, and prints `> name(TYPE param, TYPE param)` (`<` for exit
/// events, decided by the parity of the code). For events sysdig 0.29.3 knows it lists the parameters
/// sysdig knows (``EventInfo/legacyParamCount``), so those lines match sysdig's byte for byte; events only
/// newer libraries know follow in code order, in the same format (types libsinsp cannot name, such as
/// FD32 or IPV6ADDR, appear by their `PT_*` names where libsinsp would print `<NA>`).
public func eventListingText() -> String {
    var text = ""
    for event in EventSchema.events where isListed(event) {
        text += event.code & 1 == 0 ? "> " : "< "
        text += event.name
        text += "("
        for (index, param) in event.params.prefix(event.legacyParamCount).enumerated() {
            if index > 0 { text += ", " }
            text += param.type.listingName
            text += " "
            text += param.name
        }
        text += ")\n"
    }
    return text
}

/// Whether `sysdig -L` lists the event.
private func isListed(_ event: EventInfo) -> Bool {
    !event.flags.contains(.unused) && !event.flags.contains(.oldVersion) && !event.category.contains(.internal)
}
