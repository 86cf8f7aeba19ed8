package pipeline

import (
	"encoding/binary"
	"math"

	"github.com/samkat/samkat/internal/site"
)

// The entries of the cache file (cacheFile) are written field by field,
// each map as its count and then its pairs, in no order: a string or a
// run of bytes as its length (uvarint) and its bytes, a key as its 32
// bytes, an offset or a length as a uvarint, a CRC-32C as 4 bytes, little
// endian. Go's gob wrote each of the some 50,000 keys of 10,000
// activities (outputs, clean bodies, records, summaries) byte by byte,
// and reading and writing the file took some 0.14 CPU s of every
// rebuild, before the loading and before the commit, with nothing beside
// it.

// encodeOutputs is the cache file's entries.
func encodeOutputs(f cacheFile) ([]byte, error) {
	const key = len(site.Key{})
	size := 16 + len(f.Base) + len(f.Clean)*key
	for name := range f.Outputs {
		size += 2 + len(name) + key
	}
	for name, spans := range f.Records {
		size += 4 + len(name) + len(spans)*(key+16)
	}
	for _, s := range f.Summaries {
		size += 2 + key + len(s)
	}
	for name, b := range f.Entries {
		size += 6 + len(name) + len(b)
	}
	b := make([]byte, 0, size)
	b = appendField(b, f.Base)
	b = binary.AppendUvarint(b, uint64(len(f.Outputs)))
	for name, k := range f.Outputs {
		b = appendField(b, name)
		b = append(b, k[:]...)
	}
	clean := 0 // only the clean ones are kept: a body not clean is in no map of the cache
	for _, ok := range f.Clean {
		if ok {
			clean++
		}
	}
	b = binary.AppendUvarint(b, uint64(clean))
	for k, ok := range f.Clean {
		if ok {
			b = append(b, k[:]...)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(f.Records)))
	for name, spans := range f.Records {
		b = appendField(b, name)
		b = binary.AppendUvarint(b, uint64(len(spans)))
		for _, sp := range spans {
			b = append(b, sp.Key[:]...)
			b = binary.AppendUvarint(b, uint64(sp.At))
			b = binary.AppendUvarint(b, uint64(sp.Len))
			b = binary.LittleEndian.AppendUint32(b, sp.Sum)
		}
	}
	b = binary.AppendUvarint(b, uint64(len(f.Summaries)))
	for k, s := range f.Summaries {
		b = append(b, k[:]...)
		b = appendField(b, s)
	}
	b = binary.AppendUvarint(b, uint64(len(f.Entries)))
	for name, e := range f.Entries {
		b = appendField(b, name)
		b = binary.AppendUvarint(b, uint64(len(e)))
		b = append(b, e...)
	}
	return b, nil
}

func appendField(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// decodeOutputs reads what encodeOutputs wrote, all of b; errCacheFile
// when b is not that.
func decodeOutputs(b []byte) (cacheFile, error) {
	d := &fileDecoder{b: b}
	f := cacheFile{Base: d.string()}
	n := d.count(1 + len(site.Key{}))
	f.Outputs = make(map[string]site.Key, n)
	for range n {
		name := d.string()
		f.Outputs[name] = d.key()
	}
	n = d.count(len(site.Key{}))
	f.Clean = make(map[site.Key]bool, n)
	for range n {
		f.Clean[d.key()] = true
	}
	n = d.count(2)
	f.Records = make(map[string][]recordSpan, n)
	for range n {
		name := d.string()
		m := d.count(len(site.Key{}) + 6)
		spans := make([]recordSpan, m)
		for i := range spans {
			spans[i] = recordSpan{Key: d.key(), At: d.int(), Len: d.int(), Sum: d.uint32()}
		}
		f.Records[name] = spans
	}
	n = d.count(len(site.Key{}) + 1)
	f.Summaries = make(map[site.Key]string, n)
	for range n {
		k := d.key()
		f.Summaries[k] = d.string()
	}
	n = d.count(2)
	f.Entries = make(map[string][]byte, n)
	for range n {
		name := d.string()
		f.Entries[name] = d.bytes()
	}
	if d.bad || len(d.b) != 0 {
		return cacheFile{}, errCacheFile
	}
	return f, nil
}

// fileDecoder reads the cache file's entries from b; once bad, it reads
// only zeros, and b is empty.
type fileDecoder struct {
	b   []byte
	bad bool
}

func (d *fileDecoder) fail() {
	d.bad, d.b = true, nil
}

func (d *fileDecoder) uvarint() uint64 {
	x, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.fail()
		return 0
	}
	d.b = d.b[n:]
	return x
}

// count reads the number of things of at least min bytes each that
// follow: 0 when fewer bytes are left than so many would need.
func (d *fileDecoder) count(min int) int {
	n := d.uvarint()
	if n > uint64(len(d.b)/min) {
		d.fail()
		return 0
	}
	return int(n)
}

// int reads an offset or a length.
func (d *fileDecoder) int() int64 {
	x := d.uvarint()
	if x > math.MaxInt64 {
		d.fail()
		return 0
	}
	return int64(x)
}

func (d *fileDecoder) bytes() []byte {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return nil
	}
	b := d.b[:n:n]
	d.b = d.b[n:]
	return b
}

func (d *fileDecoder) string() string { return string(d.bytes()) }

func (d *fileDecoder) key() site.Key {
	var k site.Key
	if len(d.b) < len(k) {
		d.fail()
		return k
	}
	copy(k[:], d.b)
	d.b = d.b[len(k):]
	return k
}

func (d *fileDecoder) uint32() uint32 {
	if len(d.b) < 4 {
		d.fail()
		return 0
	}
	x := binary.LittleEndian.Uint32(d.b)
	d.b = d.b[4:]
	return x
}
