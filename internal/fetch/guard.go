package fetch

import (
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
)

// refused lists the address ranges never dialled unless allowed, each with
// the name used in errors.
var refused = []struct {
	prefix netip.Prefix
	name   string
}{
	{netip.MustParsePrefix("0.0.0.0/8"), "unspecified (this-network)"},
	{netip.MustParsePrefix("10.0.0.0/8"), "private"},
	{netip.MustParsePrefix("100.64.0.0/10"), "CGNAT shared"},
	{netip.MustParsePrefix("127.0.0.0/8"), "loopback"},
	{netip.MustParsePrefix("169.254.0.0/16"), "link-local"},
	{netip.MustParsePrefix("172.16.0.0/12"), "private"},
	{netip.MustParsePrefix("192.0.0.0/24"), "reserved (IETF protocol)"},
	{netip.MustParsePrefix("192.0.2.0/24"), "reserved (documentation)"},
	{netip.MustParsePrefix("192.88.99.0/24"), "reserved (6to4 relay)"},
	{netip.MustParsePrefix("192.168.0.0/16"), "private"},
	{netip.MustParsePrefix("198.18.0.0/15"), "reserved (benchmarking)"},
	{netip.MustParsePrefix("198.51.100.0/24"), "reserved (documentation)"},
	{netip.MustParsePrefix("203.0.113.0/24"), "reserved (documentation)"},
	{netip.MustParsePrefix("224.0.0.0/4"), "multicast"},
	{netip.MustParsePrefix("240.0.0.0/4"), "reserved (and broadcast)"},
	{netip.MustParsePrefix("::/128"), "unspecified"},
	{netip.MustParsePrefix("::1/128"), "loopback"},
	{netip.MustParsePrefix("::ffff:0:0/96"), "IPv4-mapped IPv6"},
	{netip.MustParsePrefix("64:ff9b::/96"), "NAT64"},
	{netip.MustParsePrefix("64:ff9b:1::/48"), "NAT64 (local-use)"},
	{netip.MustParsePrefix("100::/64"), "reserved (discard)"},
	{netip.MustParsePrefix("2001::/32"), "Teredo"},
	{netip.MustParsePrefix("2001:db8::/32"), "reserved (documentation)"},
	{netip.MustParsePrefix("2002::/16"), "6to4"},
	{netip.MustParsePrefix("fc00::/7"), "private (unique local)"},
	{netip.MustParsePrefix("fe80::/10"), "link-local"},
	{netip.MustParsePrefix("fec0::/10"), "site-local"},
	{netip.MustParsePrefix("ff00::/8"), "multicast"},
}

// checkAddr returns a *BlockedError when ip may not be dialled.
func checkAddr(ip netip.Addr) error {
	if !ip.IsValid() {
		return &BlockedError{Addr: "invalid address", Range: "unparsable"}
	}
	ip = ip.WithZone("")
	for _, r := range refused {
		if r.prefix.Contains(ip) {
			return &BlockedError{Addr: ip.String(), Range: r.name}
		}
	}
	return nil
}

// controlAddress runs after DNS resolution, right before connect(2): the
// address seen here is the one actually dialled, so rebinding cannot slip
// a private address past an earlier check.
func controlAddress(_, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return &BlockedError{Addr: address, Range: "unparsable"}
	}
	return checkAddr(ap.Addr())
}

// parseURL validates a URL given to Get.
func (f *Fetcher) parseURL(raw string) (*url.URL, error) {
	if len(raw) > MaxURLLength {
		return nil, ErrURLTooLong
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalidURL, err)
	}
	if err := f.checkURL(u); err != nil {
		return nil, err
	}
	return u, nil
}

// checkURL applies the checks that need no connection; redirects run it
// for every hop.
func (f *Fetcher) checkURL(u *url.URL) error {
	if len(u.String()) > MaxURLLength {
		return ErrURLTooLong
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("%w (got %q)", ErrScheme, u.Scheme)
	}
	if u.User != nil {
		return ErrCredentials
	}
	host := normHost(u.Hostname())
	if host == "" {
		return fmt.Errorf("%w: no host", ErrInvalidURL)
	}
	if f.allow[host] {
		return nil
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		return checkAddr(ip)
	}
	if looksNumeric(host) {
		// 2130706433, 0x7f.1 or 0177.0.0.1: C resolvers read these as
		// IP addresses; no real host name looks like this.
		return fmt.Errorf("%w: host %q is an IP address in a non-canonical form", ErrBlocked, host)
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return &BlockedError{Addr: host, Range: "loopback"}
	}
	return nil
}

// looksNumeric reports hosts made only of digits, dots and hex notation.
func looksNumeric(host string) bool {
	last := host
	if i := strings.LastIndexByte(strings.TrimSuffix(host, "."), '.'); i >= 0 {
		last = host[i+1:]
	}
	last = strings.TrimSuffix(last, ".")
	if last == "" {
		return false
	}
	if strings.HasPrefix(last, "0x") {
		return true
	}
	for _, r := range last {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// normHost lower-cases a host and strips brackets, a trailing dot and
// any port, so "[::1]:8080" and "::1" compare equal.
func normHost(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	if hh, _, err := net.SplitHostPort(h); err == nil {
		h = hh
	}
	h = strings.TrimSuffix(strings.Trim(h, "[]"), ".")
	return h
}

// CheckURL applies to raw the checks Get makes before connecting (scheme,
// credentials, length, literal private or loopback addresses and
// localhost, unless allowed), so that a URL can be refused when it is
// submitted rather than when it is fetched.
func (f *Fetcher) CheckURL(raw string) error {
	_, err := f.parseURL(raw)
	return err
}
