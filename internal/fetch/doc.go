// Package fetch is aloud's one outbound HTTP client. Every request to a
// URL a user or a feed handed us goes through it, because such a URL can
// point at the publisher's own network: the cloud metadata service, an
// admin panel on localhost, a database on 10.0.0.5.
//
// The guard works at three points:
//
//  1. before any connection, the URL is checked: http or https only, no
//     user:password, a bounded length, no numeric host written in a
//     non-canonical form (2130706433, 0177.0.0.1), and an IP literal in a
//     refused range fails at once;
//  2. at dial time, after DNS resolution, net.Dialer.Control refuses
//     loopback, private, link-local, CGNAT, multicast, unspecified,
//     reserved, IPv4-mapped and NAT64 addresses, so a name that resolves
//     (or re-resolves, as in DNS rebinding) to one of them fails too;
//  3. every redirect hop is checked again, and there are at most
//     Config.MaxRedirects of them.
//
// Hosts on Config.AllowHosts (a hostname or IP literal, any port) skip the
// address checks; tests and intranet deployments use it.
//
// Bodies are capped at Config.MaxBytes after decompression, so a gzip bomb
// stops at the cap. Connect, response-header and total timeouts apply.
// Conditional GET is supported with ETag and Last-Modified. Each failure
// cause has its own sentinel error, to be tested with errors.Is.
package fetch
