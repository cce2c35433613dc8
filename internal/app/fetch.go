package app

import (
	"flag"
	"strings"

	"aloud/internal/fetch"
)

// allowHostsEnv names the comma-separated list of hosts the fetcher may
// reach even when they resolve to private or loopback addresses.
const allowHostsEnv = "ALOUD_FETCH_ALLOW_HOSTS"

// addAllowHostFlag registers the repeatable --allow-host flag that every
// command that fetches URLs takes.
func addAllowHostFlag(fs *flag.FlagSet) *stringList {
	var hosts stringList
	fs.Var(&hosts, "allow-host", "let the fetcher reach `HOST` (hostname or IP, any port) even on a private or loopback address; repeatable (also "+allowHostsEnv+")")
	return &hosts
}

// newFetcher builds the one outbound HTTP client from the flag values and
// the environment.
func newFetcher(env Env, flagHosts []string) *fetch.Fetcher {
	hosts := append([]string(nil), flagHosts...)
	for _, h := range strings.Split(env.Getenv(allowHostsEnv), ",") {
		if h = strings.TrimSpace(h); h != "" {
			hosts = append(hosts, h)
		}
	}
	return fetch.New(fetch.Config{AllowHosts: hosts, UserAgent: fetch.UserAgent(Version)})
}
