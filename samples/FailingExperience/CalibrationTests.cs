using ReSim.Testing;

namespace FailingExperience.Tests;

// These tests fail on purpose, to show what a failure looks like. Explicit keeps them out of a plain
// `dotnet test`; run them with `dotnet test --project samples/FailingExperience -- --explicit only`.
public class CalibrationTests
{
    // The orchestrator exits 3: the test fails with the platform's reason (R16, R20).
    [ComposeExperience("experiences/compose.yml", Explicit = true, TimeoutSeconds = 120)]
    public void Sensor_is_calibrated()
    {
    }

    // The compose file has errors the platform would refuse: the test fails before any container starts (R3).
    [ComposeExperience("experiences/invalid.yml", Explicit = true)]
    public void Compose_file_is_valid()
    {
    }
}
