// SPDX-License-Identifier: Apache-2.0

/// The `user` field class: libsinsp's `sinsp_filter_check_user`, from the thread's uid and
/// loginuid and the capture's user list.
struct UserFields: FieldBinder {
    func bind(_ text: Substring, in fieldClass: FieldClass) throws(FieldError) -> (field: BoundField, length: Int)? {
        try fieldClass.bindStandard(text) { definition in
            guard let make = Self.extractors[definition.name] else { return nil }
            return BoundField(definition, text: definition.name, extractor: make())
        }
    }

    /// The user `uid`, if known (uid -1 is nobody).
    @inline(__always) static func user(_ uid: UInt32, _ state: SystemState) -> UserInfo? {
        uid == UInt32.max ? nil : state.users[uid]
    }

    /// Makes the extractor of a column of the thread's user entry.
    static func userColumn(_ column: KeyPath<UserInfo, String> & Sendable) -> ThreadFields.Maker {
        ThreadFields.onThread { t, _, c in
            guard let u = user(t.uid, c.state) else { return .none }
            return c.textResult(u[keyPath: column])
        }
    }

    /// The extractor makers, by field name.
    static let extractors: [String: ThreadFields.Maker] = [
        "user.uid": ThreadFields.onThread { t, _, _ in .number(UInt64(t.uid)) },
        "user.name": userColumn(\.name),
        "user.homedir": userColumn(\.homedir),
        "user.shell": userColumn(\.shell),
        "user.loginuid": ThreadFields.onThread { t, _, _ in .number(UInt64(t.loginuid)) },
        "user.loginname": ThreadFields.onThread { t, _, c in
            guard let u = user(t.loginuid, c.state) else { return .none }
            return c.textResult(u.name)
        },
    ]
}
