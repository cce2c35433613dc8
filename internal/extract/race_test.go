//go:build race

package extract

// raceSlowdown scales CPU-time bounds under the race detector.
const raceSlowdown = 10
