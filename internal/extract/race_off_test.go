//go:build !race

package extract

// raceSlowdown scales time bounds under the race detector.
const raceSlowdown = 1
