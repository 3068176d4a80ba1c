package gen

import (
	"os"
	"strconv"
	"testing"
)

func TestScratchWrite(t *testing.T) {
	dir := os.Getenv("GEN_DIR")
	if dir == "" {
		t.Skip()
	}
	seed, _ := strconv.Atoi(os.Getenv("GEN_SEED"))
	scale, _ := strconv.Atoi(os.Getenv("GEN_SCALE"))
	os.RemoveAll(dir)
	if _, err := Generate(Config{Scale: scale, Seed: int64(seed), Out: dir}); err != nil {
		t.Fatal(err)
	}
}
