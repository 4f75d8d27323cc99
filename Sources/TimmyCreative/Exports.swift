// The tools take and report the backend contract's values (genres, languages, styles, requests), so
// whoever uses the tools can name them without importing the contract too.
@_exported import TimmyCreativeBackend
