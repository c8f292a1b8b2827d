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

    // The orchestrator never finishes: the experience's timeout fails it (R18) and stops every container (R19).
    [ComposeExperience("experiences/stuck.yml", Explicit = true, TimeoutSeconds = 3)]
    public void Orchestrator_finishes_in_time()
    {
    }

    // xUnit's own Timeout (milliseconds) cancels the experience; the test reports the timeout once every
    // container is removed (R19). The body would run only after a passed experience.
    [ComposeExperience("experiences/stuck.yml", Explicit = true, Timeout = 2000)]
    public Task Stops_within_the_test_timeout() => Task.Delay(0, TestContext.Current.CancellationToken);

    // Runs until stopped: Ctrl+C or SIGTERM on `dotnet test` (or on the test host) stops and removes every container
    // before the process ends (R19).
    [ComposeExperience("experiences/stuck.yml", Explicit = true, TimeoutSeconds = 600)]
    public void Runs_until_interrupted()
    {
    }

    // The compose file has errors the platform would refuse: the test fails before any container starts (R3).
    [ComposeExperience("experiences/invalid.yml", Explicit = true)]
    public void Compose_file_is_valid()
    {
    }
}
