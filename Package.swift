// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Hashiya",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "hashiya", targets: ["hashiya"]),
    .library(name: "AnnotatorKit", targets: ["AnnotatorKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
  ],
  targets: [
    .target(name: "AnnotatorKit"),
    // What a project holds, as plain values, and the store protocol commands use; it links no database.
    .target(
      name: "HashiyaModel",
      dependencies: ["AnnotatorKit", .product(name: "Crypto", package: "swift-crypto")]),
    .target(
      name: "HashiyaStore",
      dependencies: [
        "AnnotatorKit",
        "HashiyaModel",
        .product(name: "GRDB", package: "GRDB.swift"),
        // SQLite's C interface, for the few inserts an import runs a million times.
        .product(name: "GRDBSQLite", package: "GRDB.swift"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    .target(name: "HashiyaFormats", dependencies: ["AnnotatorKit", "HashiyaModel", "HashiyaStore"]),
    .target(name: "SpeakerTagging", dependencies: ["AnnotatorKit"], path: "plugins/SpeakerTagging"),
    .target(name: "ClaimLabeling", dependencies: ["AnnotatorKit"], path: "plugins/ClaimLabeling"),
    .target(name: "TranslationNotes", dependencies: ["AnnotatorKit"], path: "plugins/TranslationNotes"),
    .target(
      name: "HashiyaPlugins",
      dependencies: ["AnnotatorKit", "SpeakerTagging", "ClaimLabeling", "TranslationNotes"]),
    .target(
      name: "HashiyaAnnotating", dependencies: ["AnnotatorKit", "HashiyaModel", "HashiyaStore", "HashiyaPlugins"]),
    .target(
      name: "HashiyaReview", dependencies: ["AnnotatorKit", "HashiyaModel", "HashiyaStore", "HashiyaAnnotating"]),
    .systemLibrary(
      name: "CReadline",
      providers: [.apt(["libreadline-dev"])]),
    // libpq, PostgreSQL's own C client: synchronous calls fit the store, and COPY carries imports.
    .systemLibrary(
      name: "CLibPQ",
      providers: [.apt(["libpq-dev"])]),
    .target(name: "HashiyaPostgres", dependencies: ["AnnotatorKit", "HashiyaModel", "CLibPQ"]),
    .target(
      name: "HashiyaREPL",
      dependencies: [
        "AnnotatorKit", "HashiyaModel", "HashiyaStore", "HashiyaPostgres", "HashiyaFormats", "HashiyaPlugins",
        "HashiyaAnnotating", "HashiyaReview", "CReadline",
      ]),
    .executableTarget(
      name: "hashiya",
      dependencies: [
        "HashiyaREPL",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .target(name: "AnnotatorTesting", dependencies: ["AnnotatorKit"], path: "Tests/AnnotatorTesting"),
    .testTarget(name: "AnnotatorKitTests", dependencies: ["AnnotatorKit", "AnnotatorTesting"]),
    .testTarget(
      name: "HashiyaStoreTests",
      dependencies: ["HashiyaModel", "HashiyaStore", "AnnotatorTesting", .product(name: "GRDB", package: "GRDB.swift")]),
    .testTarget(
      name: "HashiyaFormatsTests", dependencies: ["HashiyaFormats", "HashiyaModel", "HashiyaStore", "AnnotatorTesting"]),
    .testTarget(name: "SpeakerTaggingTests", dependencies: ["SpeakerTagging", "AnnotatorTesting"]),
    .testTarget(name: "ClaimLabelingTests", dependencies: ["ClaimLabeling", "AnnotatorTesting"]),
    .testTarget(name: "TranslationNotesTests", dependencies: ["TranslationNotes", "AnnotatorTesting"]),
    .testTarget(name: "HashiyaPluginsTests", dependencies: ["HashiyaPlugins"], exclude: ["Fixtures"]),
    .testTarget(
      name: "HashiyaAnnotatingTests", dependencies: ["HashiyaAnnotating", "HashiyaPlugins", "AnnotatorTesting"]),
    .testTarget(
      name: "HashiyaReviewTests",
      dependencies: [
        "HashiyaReview", "HashiyaModel", "HashiyaStore", "HashiyaAnnotating", "HashiyaPlugins", "AnnotatorKit",
        "AnnotatorTesting",
      ]),
    .testTarget(
      name: "HashiyaREPLTests",
      dependencies: ["HashiyaREPL", "HashiyaModel", "HashiyaStore", "HashiyaAnnotating", "AnnotatorTesting"]),
    .testTarget(name: "HashiyaPostgresTests", dependencies: ["HashiyaPostgres", "HashiyaModel", "AnnotatorTesting"]),
    // One suite of store behaviours, run on a project file and on a PostgreSQL server.
    .testTarget(
      name: "HashiyaStoreContractTests",
      dependencies: ["HashiyaModel", "HashiyaStore", "HashiyaPostgres", "AnnotatorKit", "AnnotatorTesting"]),
    .testTarget(
      name: "HashiyaEndToEndTests",
      dependencies: ["hashiya", "AnnotatorTesting", .product(name: "GRDB", package: "GRDB.swift")]),
  ]
)
