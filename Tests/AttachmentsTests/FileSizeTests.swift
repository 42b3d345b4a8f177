import Attachments
import Testing

/// The size shown beside a kept file: never "0 KB" for a small scan, MB once a photo is large.
@Suite struct FileSizeTests {
    @Test func aFileIsShownInWholeKilobytesBelowAMegabyteAndInMegabytesAbove() {
        #expect(FileSize.shown(220) == "1 KB")
        #expect(FileSize.shown(300 * 1024 + 512) == "300 KB")
        #expect(FileSize.shown(1024 * 1024) == "1.0 MB")
        #expect(FileSize.shown(5 * 1024 * 1024 / 2) == "2.5 MB")
    }
}
