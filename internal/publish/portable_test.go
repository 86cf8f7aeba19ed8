package publish

import "testing"

// TestPortable runs the tests of writing an output with the portable
// stager and no looker, as samkat writes on systems other than Linux and
// macOS.
func TestPortable(t *testing.T) {
	portable = true
	defer func() { portable = false }()
	for _, c := range []struct {
		name string
		test func(*testing.T)
	}{
		{"OnlyChangesAreWritten", TestOnlyChangesAreWritten},
		{"ForeignFilesSurviveTenBuilds", TestForeignFilesSurviveTenBuilds},
		{"FilesSamkatDidNotWriteAreNotOverwritten", TestFilesSamkatDidNotWriteAreNotOverwritten},
		{"FilesThatAppearDuringTheBuild", TestFilesThatAppearDuringTheBuildAreNotOverwritten},
		{"AbortAndFailedWritesLeaveOldTree", TestAbortAndFailedWritesLeaveOldTree},
		{"KilledWhileMovingIn", TestKilledWhileMovingIn},
		{"LinksInsideTheOutputAreNotFollowed", TestLinksInsideTheOutputAreNotFollowed},
		{"LinksInTheStagingFolderAreNotFollowed", TestLinksInTheStagingFolderAreNotFollowed},
		{"StreamKeepsTheRules", TestStreamKeepsTheRules},
		{"StreamComparesWithTheOldFile", TestStreamComparesWithTheOldFile},
		{"StreamWithAnErrorWritesNothing", TestStreamWithAnErrorWritesNothing},
		{"Keep", TestKeep},
	} {
		t.Run(c.name, c.test)
	}
}
