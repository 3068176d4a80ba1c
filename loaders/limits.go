package loaders

// MaxDocumentBytes is the largest document the loaders read: LoadDir skips
// a larger file with a warning naming it, without reading it, and a
// document added while serving may be no larger. The largest listing of
// the shared corpus is about 0.3 MB.
const MaxDocumentBytes = 4 << 20
