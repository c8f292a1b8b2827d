using System.Collections.Immutable;
using ReSim.Testing.Configuration;
using ReSim.Testing.Discovery;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Launch;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Engine.Settings;
using ReSim.Testing.Execution;
using ReSim.Testing.Sdk;
using ReSim.Testing.Xunit.Tests.Support;

namespace ReSim.Testing.Xunit.Tests.Execution;

public sealed class ExperienceTestExecutorTests : IDisposable
{
    private static readonly string ProjectFolder = ProjectDirectory.Of(typeof(ExperienceTestExecutorTests).Assembly).Path;
    private readonly ResultFolder folder = new();
    private readonly RecordingReport report = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task Compose_errors_fail_the_test_before_any_container_listing_each_diagnostic_with_file_and_line_R3()
    {
        var compose = new FakeCompose(
            FakeCompose.Error("/p/compose.yml", 4, 5, "RSIM003", "Service 'robot' has no image."),
            FakeCompose.Error("/p/compose.yml", 9, 3, "RSIM005", "No service is a test orchestrator."),
            FakeCompose.Warning("/p/compose.yml", 7, 5, "RSIM010", "Key 'ports' is ignored."));
        var engine = Engine(ExperienceVerdict.Passed);

        var outcome = await Executor(engine, compose).RunAsync(Spec(), TestAssembly, CancellationToken.None);

        var failure = Assert.IsType<ExperienceSetupException>(outcome.Failure);
        Assert.Contains("has 2 error(s) the ReSim platform would refuse; no container was started", failure.Message);
        Assert.Contains("/p/compose.yml(4,5): error RSIM003: Service 'robot' has no image.", failure.Message);
        Assert.Contains("/p/compose.yml(9,3): error RSIM005: No service is a test orchestrator.", failure.Message);
        Assert.Null(failure.StackTrace);
        Assert.Empty(engine.Runs);
    }

    [Fact]
    public async Task Compose_warnings_go_to_the_test_output_and_the_experience_still_runs()
    {
        var compose = new FakeCompose(FakeCompose.Warning("/p/compose.yml", 7, 5, "RSIM010", "Key 'ports' is ignored."));
        var engine = Engine(ExperienceVerdict.Passed);

        var outcome = await Executor(engine, compose).RunAsync(Spec(), TestAssembly, CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.Contains("/p/compose.yml(7,5): warning RSIM010: Key 'ports' is ignored. Consider it.", report.Lines);
        Assert.Single(engine.Runs);
    }

    [Fact]
    public async Task Relative_paths_resolve_against_the_test_project_folder_whatever_the_working_directory()
    {
        var compose = new FakeCompose();
        var engine = Engine(ExperienceVerdict.Passed);

        await Executor(engine, compose).RunAsync(Spec(new() { Inputs = "experiences/inputs" }), TestAssembly, CancellationToken.None);

        Assert.Equal(Path.Combine(ProjectFolder, "experiences", "robot.yml"), Assert.Single(compose.Loads).Path);
        Assert.Equal(Path.Combine(ProjectFolder, "experiences", "inputs"), Assert.Single(engine.Runs).Settings.InputsDirectory);
    }

    [Fact]
    public async Task The_experience_gets_the_profile_environment_inputs_and_timeout_of_the_attribute_R7_R9_R11_R18()
    {
        var compose = new FakeCompose();
        var engine = Engine(ExperienceVerdict.Passed);
        var spec = Spec(new() { Environment = ["SCENARIO=parking", "SPEED=3", "SCENARIO=garage"], Inputs = "experiences/inputs", TimeoutSeconds = "90" });

        await Executor(engine, compose).RunAsync(spec, TestAssembly, CancellationToken.None);

        Assert.Equal("sim", Assert.Single(compose.Loads).Options.Profile);
        var experience = Assert.Single(engine.Runs);
        Assert.Equal("sim", experience.Compose.Profile);
        Assert.Equal(new Dictionary<string, string> { ["SCENARIO"] = "garage", ["SPEED"] = "3" }, experience.Settings.Environment);
        Assert.Equal(TimeSpan.FromSeconds(90), experience.Settings.Timeout);
        Assert.Equal("robot.yml (sim)", experience.Settings.Name);
    }

    [Fact]
    public async Task A_missing_compose_file_fails_naming_the_resolved_path_and_the_project_folder()
    {
        var engine = Engine(ExperienceVerdict.Passed);

        var outcome = await Executor(engine, new FakeCompose()).RunAsync(Spec() with { ComposeFile = "experiences/missing.yml" }, TestAssembly, CancellationToken.None);

        var failure = Assert.IsType<ExperienceSetupException>(outcome.Failure);
        Assert.Contains($"The compose file \"experiences/missing.yml\" was not found at {Path.Combine(ProjectFolder, "experiences", "missing.yml")}", failure.Message);
        Assert.Contains($"the test project's folder, {ProjectFolder} (recorded at build time", failure.Message);
        Assert.Empty(engine.Runs);
    }

    [Fact]
    public async Task A_missing_inputs_folder_fails_before_any_container()
    {
        var engine = Engine(ExperienceVerdict.Passed);

        var outcome = await Executor(engine, new FakeCompose()).RunAsync(Spec(new() { Inputs = "experiences/nowhere" }), TestAssembly, CancellationToken.None);

        Assert.Contains("The inputs folder \"experiences/nowhere\" was not found", Assert.IsType<ExperienceSetupException>(outcome.Failure).Message);
        Assert.Empty(engine.Runs);
    }

    [Fact]
    public async Task A_passed_experience_hands_its_result_to_the_method_body_and_reports_the_summary()
    {
        var engine = Engine(ExperienceVerdict.Passed);

        var outcome = await Executor(engine, new FakeCompose()).RunAsync(Spec(), TestAssembly, CancellationToken.None);

        Assert.Null(outcome.Failure);
        Assert.Equal(ExperienceVerdict.Passed, outcome.Result!.Verdict);
        Assert.Contains(outcome.Result.ToSummaryTable(), report.Lines);
        Assert.Contains($"Results of run run-1: {folder.Path}", report.Lines);
    }

    [Theory]
    [InlineData(ExperienceVerdict.Failed)]
    [InlineData(ExperienceVerdict.TimedOut)]
    public async Task A_failed_or_timed_out_experience_fails_the_test_with_the_R20_reason(ExperienceVerdict verdict)
    {
        var engine = Engine(verdict, ResultFolder.OrchestratorExited3);

        var outcome = await Executor(engine, new FakeCompose()).RunAsync(Spec(), TestAssembly, CancellationToken.None);

        var failure = Assert.IsType<ExperienceFailedException>(outcome.Failure);
        Assert.StartsWith("Orchestrator 'orchestrator' exited with code 3 after 2.1 s.", failure.Message);
        Assert.Contains("Last 2 lines of orchestrator's stdout:", failure.Message);
        Assert.Contains("node-b did not answer", failure.Message);
        Assert.Contains($"Logs, metrics, timeline and outputs: {folder.Path}", failure.Message);
        Assert.Null(failure.StackTrace);
        Assert.NotNull(outcome.Result);
    }

    [Fact]
    public async Task A_failure_citing_a_rule_ends_with_where_the_rules_are_described()
    {
        var reason = new FailureReason("Orchestrator 'test' exited with code 1 at 2.000 s (R16).", "test", 1, TimeSpan.FromSeconds(2), LogExcerpt.Empty);
        var engine = Engine(ExperienceVerdict.Failed, reason);

        var outcome = await Executor(engine, new FakeCompose()).RunAsync(Spec(), TestAssembly, CancellationToken.None);

        // This test project imports the package's props as a consumer of a source checkout: the repository's document.
        var document = RulesDocument.Near(typeof(ExperienceTestExecutorTests).Assembly.Location);
        Assert.True(document is not null && File.Exists(document), "the repository's docs/rules.md is found");
        Assert.EndsWith($"{Environment.NewLine}Rules R16: {document}", Assert.IsType<ExperienceFailedException>(outcome.Failure).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_result_fails_with_a_message_that_says_what_to_do()
    {
        var reason = new FailureReason("Image 'robot:1.0' is not on the engine and pulling it failed.", "robot", null, TimeSpan.Zero, LogExcerpt.Empty);
        var engine = Engine(ExperienceVerdict.Error, reason);

        var outcome = await Executor(engine, new FakeCompose()).RunAsync(Spec(), TestAssembly, CancellationToken.None);

        var failure = Assert.IsType<ExperienceSetupException>(outcome.Failure);
        Assert.Contains("The experience could not run: Image 'robot:1.0' is not on the engine", failure.Message);
        Assert.Contains("not a verdict on the system under test", failure.Message);
        Assert.Contains("docker version", failure.Message);
    }

    [Fact]
    public async Task No_engine_fails_with_a_message_that_says_what_to_do_never_a_skip()
    {
        var launcher = new ExperienceRunner(UnreachableRuntime.Create("No Docker engine answers at unix:///var/run/docker.sock.").Runtime);
        var services = new ExperienceServices(new FakeCompose().Load, launcher.RunAsync, new ExperienceSlots(_ => new ParallelLimit(4, "a test")));

        var outcome = await new ExperienceTestExecutor(services, report).RunAsync(Spec(new() { TimeoutSeconds = "5" }), TestAssembly, CancellationToken.None);

        var failure = Assert.IsType<ExperienceSetupException>(outcome.Failure);
        Assert.Contains("The experience could not run: No Docker engine answers", failure.Message);
        Assert.Contains("Check that a Docker engine answers", failure.Message);
    }

    [Fact]
    public async Task Live_container_lines_go_to_the_test_output_prefixed_by_service()
    {
        var engine = new ScriptedEngine(_ => folder.Result(ExperienceVerdict.Passed), ("node-a", "listening on 7001"), ("orchestrator", "node-a answered"));

        await Executor(engine, new FakeCompose()).RunAsync(Spec(), TestAssembly, CancellationToken.None);

        Assert.Contains("[node-a] listening on 7001", report.Lines);
        Assert.Contains("[orchestrator] node-a answered", report.Lines);
    }

    [Fact]
    public async Task A_log_with_a_gap_gives_the_test_a_warning_naming_the_service_the_gap_and_the_file_R21()
    {
        const string Gap = "start 1: The log is incomplete: the container was removed before its log could be read to the end; 7 bytes of this start were read, whatever followed is lost.";
        var result = folder.Result(ExperienceVerdict.Passed);
        result = result with { Services = [result.Services[0] with { LogGaps = [Gap] }, result.Services[1]] };
        var engine = new ScriptedEngine(_ => result);

        await Executor(engine, new FakeCompose()).RunAsync(Spec(), TestAssembly, CancellationToken.None);

        Assert.Equal([$"The log of service 'node' is not whole: {Gap} ({folder.Log("node")})"], report.Warnings);
    }

    [Fact]
    public async Task A_kept_container_s_log_end_is_one_output_line_per_service_and_no_warning()
    {
        const string End = "start 1: the container was kept running after the verdict, so its log here ends after 7 bytes of this start; `docker logs` of the kept container has the rest";
        var result = folder.Result(ExperienceVerdict.Passed);
        result = result with { Services = [.. result.Services.Select(s => s with { LogKeptEnd = End })] };
        var engine = new ScriptedEngine(_ => result);

        await Executor(engine, new FakeCompose()).RunAsync(Spec(new() { KeepContainers = "true" }), TestAssembly, CancellationToken.None);

        Assert.Empty(report.Warnings);
        foreach (var service in result.Services)
        {
            Assert.Single(report.Lines, l => l == $"The log of service '{service.Name}' ends where its container was kept: {End} ({service.LogFile})");
        }
    }

    [Fact]
    public async Task Logs_metrics_timeline_and_outputs_are_attached_to_the_test_result_R21_R22_R23()
    {
        File.WriteAllText(Path.Combine(folder.Outputs, "result.txt"), "both nodes answered");
        var engine = Engine(ExperienceVerdict.Failed, ResultFolder.OrchestratorExited3);

        await Executor(engine, new FakeCompose()).RunAsync(Spec(), TestAssembly, CancellationToken.None);

        Assert.Equal(
            ["experience-node-container.log", "experience-orchestrator-container.log", "metrics.jsonl", "outputs_result.txt", "timeline.jsonl"],
            report.Attachments.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("node-b did not answer", ResultFolder.OrchestratorExited3.Log.StdOut[^1]);
        Assert.Equal("checking\nnode-a answered\n", report.Text("experience-orchestrator-container.log"));
        Assert.Equal("both nodes answered", report.Text("outputs_result.txt"));
    }

    [Fact]
    public async Task Cancelling_the_test_cancels_the_run_and_frees_its_slot()
    {
        var slots = new ExperienceSlots(_ => new ParallelLimit(1, "a test"));
        var started = new TaskCompletionSource();
        var engine = new ScriptedEngine(_ => folder.Result(ExperienceVerdict.Passed))
        {
            WhileRunning = async token =>
            {
                started.SetResult();
                await Task.Delay(Timeout.Infinite, token);
            },
        };
        using var cancel = new CancellationTokenSource();
        var executor = new ExperienceTestExecutor(new ExperienceServices(new FakeCompose().Load, engine.RunAsync, slots), report);

        var run = executor.RunAsync(Spec(), TestAssembly, cancel.Token);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var (_, slot) = await slots.AcquireAsync(TestAssembly, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        slot.Dispose();
    }

    private static System.Reflection.Assembly TestAssembly => typeof(ExperienceTestExecutorTests).Assembly;

    private static ExperienceTestSpec Spec(ExperienceSettingsText? settings = null) => new("experiences/robot.yml", (settings ?? ExperienceSettingsText.None) with { Profile = "sim" });

    private ScriptedEngine Engine(ExperienceVerdict verdict, FailureReason? reason = null) => new(_ => folder.Result(verdict, reason));

    private ExperienceTestExecutor Executor(ScriptedEngine engine, FakeCompose compose) =>
        new(new ExperienceServices(compose.Load, engine.RunAsync, new ExperienceSlots(_ => new ParallelLimit(4, "a test"))), report);
}
