//go:build race

package extract

// raceSlowdown scales time bounds under the race detector, which makes
// this code about ten times slower.
const raceSlowdown = 12
