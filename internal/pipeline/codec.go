package pipeline

import (
	"encoding/binary"
	"errors"
	"fmt"
	"reflect"
	"sync"
)

// The binary codec of the cache-parsed files. It writes any value made of
// booleans, integers, strings, slices, pointers, maps and structs of
// exported fields, all of it, found by reflection: a field added to the
// model is kept without a change here (as with JSON), and an unsupported
// one (an interface, a float, an unexported field) is an error when the
// codec is made, not a field silently left out. Unlike gob, it keeps
// what DeepEqual tells apart: a nil pointer from a pointer to a zero
// value, a nil slice or map from an empty one. It is some five times
// cheaper than JSON to read (go test ./internal/pipeline -run '^$'
// -bench ParsedCodec -benchmem).
//
// Each value is encoded on its own, with its own table of the strings it
// holds: a string it repeats (the file name in each of an activity's
// positions) is written once and read back as one string. The format is
// that of the samkat that wrote it only: the cache files' stamp (see
// buildStamp) names the executable, so another build never reads it.
//
//	bool                 one byte, 0 or 1
//	int kinds            zig-zag varint
//	uint kinds           varint
//	string               varint i > 0: the i-th string of the value's table;
//	                     0, then the length and the bytes: the next one
//	[]byte               varint 0 for nil, else length+1, then the bytes
//	slice, map           varint 0 for nil, else length+1, then the elements
//	                     (a map's as key, value)
//	pointer              0 for nil, 1 and the value
//	struct               its fields in order

// codec writes and reads values of one type.
type codec struct {
	enc func(e *encoder, v reflect.Value)
	dec func(d *decoder, v reflect.Value)
}

var (
	codecsMu sync.Mutex
	codecs   = map[reflect.Type]*codec{}
)

// codecOf returns the codec of t, or why t cannot have one.
func codecOf(t reflect.Type) (*codec, error) {
	codecsMu.Lock()
	defer codecsMu.Unlock()
	return makeCodec(t)
}

func makeCodec(t reflect.Type) (*codec, error) {
	if c, ok := codecs[t]; ok {
		return c, nil // made, or being made (a type that holds itself)
	}
	c := &codec{}
	codecs[t] = c
	if err := fillCodec(c, t); err != nil {
		delete(codecs, t)
		return nil, err
	}
	return c, nil
}

func fillCodec(c *codec, t reflect.Type) error {
	switch t.Kind() {
	case reflect.Bool:
		c.enc = func(e *encoder, v reflect.Value) {
			b := byte(0)
			if v.Bool() {
				b = 1
			}
			e.b = append(e.b, b)
		}
		c.dec = func(d *decoder, v reflect.Value) {
			switch d.byte() {
			case 0:
				v.SetBool(false)
			case 1:
				v.SetBool(true)
			default:
				d.fail()
			}
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		c.enc = func(e *encoder, v reflect.Value) { e.b = binary.AppendVarint(e.b, v.Int()) }
		c.dec = func(d *decoder, v reflect.Value) {
			n := d.varint()
			if v.OverflowInt(n) {
				d.fail()
				return
			}
			v.SetInt(n)
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		c.enc = func(e *encoder, v reflect.Value) { e.b = binary.AppendUvarint(e.b, v.Uint()) }
		c.dec = func(d *decoder, v reflect.Value) {
			n := d.uvarint()
			if v.OverflowUint(n) {
				d.fail()
				return
			}
			v.SetUint(n)
		}
	case reflect.String:
		c.enc = func(e *encoder, v reflect.Value) { e.string(v.String()) }
		c.dec = func(d *decoder, v reflect.Value) { v.SetString(d.string()) }
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			c.enc = func(e *encoder, v reflect.Value) {
				if v.IsNil() {
					e.b = append(e.b, 0)
					return
				}
				b := v.Bytes()
				e.b = binary.AppendUvarint(e.b, uint64(len(b))+1)
				e.b = append(e.b, b...)
			}
			c.dec = func(d *decoder, v reflect.Value) {
				n, ok := d.length()
				switch {
				case !ok || n > len(d.s)-d.at:
					d.fail()
					return
				case n < 0:
					v.SetZero()
					return
				}
				b := make([]byte, n)
				d.at += copy(b, d.s[d.at:])
				v.SetBytes(b)
			}
			return nil
		}
		elem, err := makeCodec(t.Elem())
		if err != nil {
			return err
		}
		c.enc = func(e *encoder, v reflect.Value) {
			if v.IsNil() {
				e.b = append(e.b, 0)
				return
			}
			e.b = binary.AppendUvarint(e.b, uint64(v.Len())+1)
			for i := range v.Len() {
				elem.enc(e, v.Index(i))
			}
		}
		c.dec = func(d *decoder, v reflect.Value) {
			n, ok := d.length()
			switch {
			case !ok || n > len(d.s)-d.at: // each element is a byte at least
				d.fail()
				return
			case n < 0:
				v.SetZero()
				return
			}
			s := reflect.MakeSlice(t, n, n)
			for i := 0; i < n && d.err == nil; i++ {
				elem.dec(d, s.Index(i))
			}
			v.Set(s)
		}
	case reflect.Map:
		key, err := makeCodec(t.Key())
		if err != nil {
			return err
		}
		elem, err := makeCodec(t.Elem())
		if err != nil {
			return err
		}
		c.enc = func(e *encoder, v reflect.Value) {
			if v.IsNil() {
				e.b = append(e.b, 0)
				return
			}
			e.b = binary.AppendUvarint(e.b, uint64(v.Len())+1)
			it := v.MapRange()
			for it.Next() {
				key.enc(e, it.Key())
				elem.enc(e, it.Value())
			}
		}
		c.dec = func(d *decoder, v reflect.Value) {
			n, ok := d.length()
			switch {
			case !ok || n > len(d.s)-d.at:
				d.fail()
				return
			case n < 0:
				v.SetZero()
				return
			}
			m := reflect.MakeMapWithSize(t, n)
			k, x := reflect.New(t.Key()).Elem(), reflect.New(t.Elem()).Elem()
			for i := 0; i < n && d.err == nil; i++ {
				key.dec(d, k)
				elem.dec(d, x)
				m.SetMapIndex(k, x)
			}
			if m.Len() != n && d.err == nil {
				d.fail() // a key twice
			}
			v.Set(m)
		}
	case reflect.Pointer:
		elem, err := makeCodec(t.Elem())
		if err != nil {
			return err
		}
		c.enc = func(e *encoder, v reflect.Value) {
			if v.IsNil() {
				e.b = append(e.b, 0)
				return
			}
			e.b = append(e.b, 1)
			elem.enc(e, v.Elem())
		}
		c.dec = func(d *decoder, v reflect.Value) {
			switch d.byte() {
			case 0:
				v.SetZero()
			case 1:
				p := reflect.New(t.Elem())
				elem.dec(d, p.Elem())
				v.Set(p)
			default:
				d.fail()
			}
		}
	case reflect.Struct:
		fields := make([]*codec, t.NumField())
		for i := range fields {
			f := t.Field(i)
			if !f.IsExported() {
				return fmt.Errorf("cache codec: %s.%s is not exported", t, f.Name)
			}
			fc, err := makeCodec(f.Type)
			if err != nil {
				return fmt.Errorf("%s.%s: %w", t, f.Name, err)
			}
			fields[i] = fc
		}
		c.enc = func(e *encoder, v reflect.Value) {
			for i, f := range fields {
				f.enc(e, v.Field(i))
			}
		}
		c.dec = func(d *decoder, v reflect.Value) {
			for i, f := range fields {
				if d.err != nil {
					return
				}
				f.dec(d, v.Field(i))
			}
		}
	default:
		return fmt.Errorf("cache codec: no encoding for %s (%s)", t, t.Kind())
	}
	return nil
}

// encoder appends the encoding of one value to b.
type encoder struct {
	b    []byte
	strs map[string]uint64 // the strings written so far, by number from 1
}

func (e *encoder) string(s string) {
	if s == "" {
		e.b = append(e.b, 0, 0)
		return
	}
	if i, ok := e.strs[s]; ok {
		e.b = binary.AppendUvarint(e.b, i)
		return
	}
	e.strs[s] = uint64(len(e.strs)) + 1
	e.b = append(e.b, 0)
	e.b = binary.AppendUvarint(e.b, uint64(len(s)))
	e.b = append(e.b, s...)
}

// decoder reads one value from s[at:]; its strings are parts of s.
type decoder struct {
	s    string
	at   int
	strs []string
	err  error
}

var errCodec = errors.New("cache: not a value of this codec")

func (d *decoder) fail() {
	if d.err == nil {
		d.err = errCodec
	}
	d.at = len(d.s)
}

func (d *decoder) byte() byte {
	if d.at >= len(d.s) {
		d.fail()
		return 0
	}
	d.at++
	return d.s[d.at-1]
}

func (d *decoder) uvarint() uint64 {
	var x uint64
	for shift := uint(0); ; shift += 7 {
		if d.at >= len(d.s) || shift > 63 {
			d.fail()
			return 0
		}
		b := d.s[d.at]
		d.at++
		if b < 0x80 {
			if shift == 63 && b > 1 {
				d.fail()
				return 0
			}
			return x | uint64(b)<<shift
		}
		x |= uint64(b&0x7f) << shift
	}
}

func (d *decoder) varint() int64 {
	u := d.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

// length reads the length of a slice or map: -1 and true for nil.
func (d *decoder) length() (int, bool) {
	n := d.uvarint()
	if n > uint64(len(d.s)) {
		return 0, false
	}
	return int(n) - 1, true
}

func (d *decoder) string() string {
	i := d.uvarint()
	if i > 0 {
		if i > uint64(len(d.strs)) {
			d.fail()
			return ""
		}
		return d.strs[i-1]
	}
	n := d.uvarint()
	if n > uint64(len(d.s)-d.at) {
		d.fail()
		return ""
	}
	s := d.s[d.at : d.at+int(n)]
	d.at += int(n)
	if s != "" {
		d.strs = append(d.strs, s)
	}
	return s
}

// appendValue appends the encoding of *p (p a pointer) to b.
func appendValue(b []byte, c *codec, p any) []byte {
	e := &encoder{b: b, strs: map[string]uint64{}}
	c.enc(e, reflect.ValueOf(p).Elem())
	return e.b
}

// readValue reads into *p (p a pointer) the value s holds, all of s.
func readValue(s string, c *codec, p any) error {
	d := &decoder{s: s}
	c.dec(d, reflect.ValueOf(p).Elem())
	if d.err == nil && d.at != len(d.s) {
		d.err = errCodec
	}
	return d.err
}
