import HTTPTypes

extension HTTPField.Name {
    static let referrerPolicy = Self("Referrer-Policy")!
    static let xFrameOptions = Self("X-Frame-Options")!
    static let crossOriginOpenerPolicy = Self("Cross-Origin-Opener-Policy")!
    static let lastEventID = Self("Last-Event-ID")!
    static let secFetchSite = Self("Sec-Fetch-Site")!
}
