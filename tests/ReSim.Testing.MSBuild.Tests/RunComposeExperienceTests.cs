using System.Collections.Immutable;
using Microsoft.Build.Framework;
using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Engine;
using ReSim.Testing.Engine.Model;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.MSBuild.Items;
using ReSim.Testing.MSBuild.Running;
using ReSim.Testing.MSBuild.Tests.Fakes;

namespace ReSim.Testing.MSBuild.Tests;

public sealed class RunComposeExperienceTests
{
    private const string ProjectDirectory = "/consumer";
    private readonly FakeBuildEngine engine = new();

    private static ExperienceOutcome Passed(ExperienceItem experience, string folder) =>
        new(experience, ExperienceVerdict.Passed, null, [], folder) { Duration = TimeSpan.FromSeconds(1.5), SummaryTable = "service  exit\nrobot    0" };

    private static ExperienceOutcome Ended(ExperienceItem experience, string folder, ExperienceVerdict verdict, string message) =>
        new(experience, verdict, new FailureReason(message, "robot", 3, TimeSpan.FromSeconds(2), new LogExcerpt(["boom", "last"], ["FATAL: arm collided"], "/consumer/obj/resim/parking/experience-robot-container.log")), [], folder);

    private RunComposeExperience Task(IExperienceExecutor executor, params ITaskItem[] items) =>
        new(executor) { BuildEngine = engine, Experiences = items, ResultsDirectory = "/consumer/obj/resim", ProjectDirectory = ProjectDirectory };

    [Fact]
    public void A_passing_experience_succeeds_and_is_an_output_item_with_verdict_and_results_folder_R16()
    {
        var executor = new ScriptedExecutor((r, f, _, _) => System.Threading.Tasks.Task.FromResult(Passed(r, f)));
        using var task = Task(executor, ComposeItems.Experience("exp/compose.yml", ("Profile", "sim")));

        Assert.True(task.Execute());

        Assert.Empty(engine.Errors);
        var result = Assert.Single(task.Results);
        Assert.Equal("exp/compose.yml", result.ItemSpec);
        Assert.Equal("sim", result.GetMetadata("Profile"));
        Assert.Equal("Passed", result.GetMetadata("Verdict"));
        Assert.Equal(string.Empty, result.GetMetadata("Reason"));
        Assert.Equal("/consumer/obj/resim/compose-sim", result.GetMetadata("ResultsDirectory"));
        Assert.Equal("1.5", result.GetMetadata("DurationSeconds"));
        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.High && m.Message!.Contains("robot    0", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_output_item_names_its_report_and_the_batch_gets_an_index_page_linking_every_report()
    {
        var results = Directory.CreateTempSubdirectory("resim-msbuild-index-");
        try
        {
            var executor = new ScriptedExecutor((r, f, _, _) => System.Threading.Tasks.Task.FromResult(
                (r.Name == "compose-sim" ? Passed(r, f) : Ended(r, f, ExperienceVerdict.Failed, "robot exited <3>")) with { ReportFile = Path.Combine(f, "report.html") }));
            using var task = new RunComposeExperience(executor)
            {
                BuildEngine = engine,
                Experiences = [ComposeItems.Experience("exp/compose.yml", ("Profile", "sim")), ComposeItems.Experience("exp/compose.yml", ("Profile", "hil"))],
                ResultsDirectory = results.FullName,
                ProjectDirectory = ProjectDirectory,
            };

            Assert.False(task.Execute());

            Assert.Equal([Path.Combine(results.FullName, "compose-sim", "report.html"), Path.Combine(results.FullName, "compose-hil", "report.html")], task.Results.Select(r => r.GetMetadata("Report")));
            Assert.Equal(Path.Combine(results.FullName, "index.html"), task.ReportIndex);
            var index = File.ReadAllText(task.ReportIndex);
            Assert.Contains("<a href=\"compose-sim/report.html\">compose-sim</a></td><td class=\"verdict-cell\">Passed</td>", index, StringComparison.Ordinal);
            Assert.Contains("<a href=\"compose-hil/report.html\">compose-hil</a></td><td class=\"verdict-cell\">Failed</td>", index, StringComparison.Ordinal);
            Assert.Contains("robot exited &lt;3&gt;", index, StringComparison.Ordinal);
            Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.High && m.Message == $"ReSim: every experience's report: {task.ReportIndex}");
        }
        finally
        {
            results.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_failure_citing_a_rule_names_where_the_rules_are_described()
    {
        var executor = new ScriptedExecutor((r, f, _, _) => System.Threading.Tasks.Task.FromResult(Ended(r, f, ExperienceVerdict.Failed, "Orchestrator 'test' exited with code 1 at 2.000 s (R16).")));
        using var task = Task(executor, ComposeItems.Experience("exp/compose.yml", ("Name", "parking")));

        Assert.False(task.Execute());

        var document = RulesDocument.Near(typeof(RunComposeExperience).Assembly.Location);
        Assert.True(document is not null && File.Exists(document), "the repository's docs/rules.md is found from the task");
        Assert.Contains($" Rules R16: {document}.", Assert.Single(engine.Errors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ExperienceVerdict.Failed, "RSIM101", "failed")]
    [InlineData(ExperienceVerdict.TimedOut, "RSIM102", "timed out")]
    [InlineData(ExperienceVerdict.Error, "RSIM103", "could not run")]
    public void An_experience_that_does_not_pass_fails_the_build_with_an_error_naming_it_and_the_reason_R20(ExperienceVerdict verdict, string code, string words)
    {
        var executor = new ScriptedExecutor((r, f, _, _) => System.Threading.Tasks.Task.FromResult(Ended(r, f, verdict, "robot exited with code 3 after 2.0 s.")));
        using var task = Task(executor, ComposeItems.Experience("exp/compose.yml", ("Name", "parking")));

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal(code, error.Code);
        Assert.Equal("/consumer/exp/compose.yml", error.File);
        Assert.StartsWith($"Experience 'parking' {words}: robot exited with code 3 after 2.0 s.", error.Message, StringComparison.Ordinal);
        Assert.Contains("/consumer/obj/resim/parking", error.Message, StringComparison.Ordinal);
        // R20 in the error itself: stderr's last lines first, then stdout's, then the whole log's path.
        Assert.EndsWith(
            string.Join(Environment.NewLine, "", "Last 1 line of robot's stderr:", "  FATAL: arm collided", "Last 2 lines of robot's stdout:", "  boom", "  last", "Whole log: /consumer/obj/resim/parking/experience-robot-container.log"),
            error.Message,
            StringComparison.Ordinal);
        Assert.Equal(verdict.ToString(), Assert.Single(task.Results).GetMetadata("Verdict"));
    }

    [Fact]
    public void Compose_diagnostics_of_an_experience_that_could_not_run_are_reported_canonically_R3()
    {
        var diagnostic = new Diagnostic("RSIM034", DiagnosticSeverity.Error, "Service 'robot' has no image.", "Add one.", new SourceLocation("/consumer/compose.yml", 4, 3));
        var executor = new ScriptedExecutor((r, f, _, _) => System.Threading.Tasks.Task.FromResult(ExperienceOutcome.NotRun(r, f, "its compose file has errors.", [diagnostic])));
        using var task = Task(executor, ComposeItems.Experience("compose.yml"));

        Assert.False(task.Execute());

        Assert.Equal(["RSIM034", "RSIM103"], engine.Errors.Select(e => e.Code));
        Assert.Equal(("/consumer/compose.yml", 4, 3), (engine.Errors[0].File, engine.Errors[0].LineNumber, engine.Errors[0].ColumnNumber));
    }

    [Fact]
    public void Invalid_item_metadata_fails_with_RSIM104_before_anything_runs()
    {
        var executor = new ScriptedExecutor((r, f, _, _) => System.Threading.Tasks.Task.FromResult(Passed(r, f)));
        using var task = Task(executor, ComposeItems.Experience("compose.yml", ("TimeoutSeconds", "soon")));

        Assert.False(task.Execute());

        Assert.Equal("RSIM104", Assert.Single(engine.Errors).Code);
        Assert.Empty(executor.Runs);
    }

    [Fact]
    public void An_unexpected_exception_is_an_error_on_that_experience_and_the_others_still_run()
    {
        var executor = new ScriptedExecutor((r, f, _, _) => r.Name == "bad"
            ? throw new InvalidOperationException("socket closed")
            : System.Threading.Tasks.Task.FromResult(Passed(r, f)));
        using var task = Task(executor, ComposeItems.Experience("a.yml", ("Name", "bad")), ComposeItems.Experience("b.yml", ("Name", "good")));

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("RSIM103", error.Code);
        Assert.Contains("socket closed", error.Message, StringComparison.Ordinal);
        Assert.Equal(["Error", "Passed"], task.Results.Select(r => r.GetMetadata("Verdict")));
    }

    [Fact]
    public void State_changes_are_logged_on_the_task_thread_while_the_node_is_yielded_R23()
    {
        var yieldedWhileRunning = false;
        var executor = new ScriptedExecutor(async (r, f, observer, ct) =>
        {
            yieldedWhileRunning = engine.IsYielded;
            await System.Threading.Tasks.Task.Yield();
            observer.OnStateChange(new TimelineEntry(DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1.2), "robot", "exited", "0"));
            observer.OnLogLine("robot", Engine.Model.OutputChannel.StdOut, "hello");
            return Passed(r, f);
        });
        using var task = Task(executor, ComposeItems.Experience("compose.yml"));
        var taskThread = Environment.CurrentManagedThreadId;

        Assert.True(task.Execute());

        Assert.True(yieldedWhileRunning);
        Assert.Equal((1, 1), (engine.Yields, engine.Reacquires));
        var stateChange = Assert.Single(engine.Messages, m => m.Importance == MessageImportance.High && m.Message == "[compose] +1.2 s robot exited (0)");
        Assert.Equal("TLTESTOUTPUT", Assert.IsType<ExtendedBuildMessageEventArgs>(stateChange).ExtendedType);
        Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.Low && m.Message == "[compose] robot: hello");
        Assert.All(engine.LoggingThreads, thread => Assert.Equal(taskThread, thread));
    }

    [Fact]
    public void At_most_MaxParallel_experiences_run_at_once_and_that_many_do()
    {
        var running = 0;
        var peak = 0;
        var bothStarted = new TaskCompletionSource();
        var executor = new ScriptedExecutor(async (r, f, _, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref peak, now);
            if (now == 2)
            {
                bothStarted.TrySetResult();
            }

            await bothStarted.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            Interlocked.Decrement(ref running);
            return Passed(r, f);
        });
        var items = Enumerable.Range(1, 5).Select(i => ComposeItems.Experience($"e{i}.yml")).ToArray();
        using var task = Task(executor, items);
        task.MaxParallel = 2;

        Assert.True(task.Execute());

        Assert.Equal(2, peak);
        Assert.Equal(5, executor.Runs.Count);
    }

    [Fact]
    public void Cancel_stops_the_running_experiences_and_fails_with_RSIM105()
    {
        var started = new TaskCompletionSource();
        var sawCancellation = false;
        var executor = new ScriptedExecutor(async (r, f, _, cancellationToken) =>
        {
            started.TrySetResult();
            try
            {
                await System.Threading.Tasks.Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                sawCancellation = true;
                throw;
            }

            return Passed(r, f);
        });
        using var task = Task(executor, ComposeItems.Experience("compose.yml"));
        _ = started.Task.ContinueWith(_ => task.Cancel(), TaskScheduler.Default);

        Assert.False(task.Execute());

        Assert.True(sawCancellation);
        Assert.Equal("RSIM105", Assert.Single(engine.Errors).Code);
        Assert.Equal((1, 1), (engine.Yields, engine.Reacquires));
    }

    [Fact]
    public void A_run_warning_is_a_build_warning_with_its_code_not_a_failure()
    {
        var executor = new ScriptedExecutor((r, f, _, _) => System.Threading.Tasks.Task.FromResult(Passed(r, f + "-1") with { Warnings = ["The previous run's results could not be deleted."] }));
        using var task = Task(executor, ComposeItems.Experience("exp/compose.yml"));

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal("RSIM106", warning.Code);
        Assert.Contains("[compose] The previous run's results could not be deleted.", warning.Message, StringComparison.Ordinal);
        Assert.Equal("/consumer/obj/resim/compose-1", Assert.Single(task.Results).GetMetadata("ResultsDirectory"));
    }

    [Fact]
    public void A_log_with_a_gap_is_warning_RSIM110_naming_the_service_the_gap_and_the_file_R21()
    {
        var robot = new ServiceResult { Name = "robot", LogFile = "/consumer/obj/resim/compose/experience-robot-container.log", LogGaps = ["start 2: The log is incomplete: scripted."] };
        var executor = new ScriptedExecutor((r, f, _, _) => System.Threading.Tasks.Task.FromResult(Passed(r, f) with { Services = [robot] }));
        using var task = Task(executor, ComposeItems.Experience("exp/compose.yml"));

        Assert.True(task.Execute());

        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("RSIM110", "/consumer/exp/compose.yml"), (warning.Code, warning.File));
        Assert.Equal(
            "[compose] The log of service 'robot' is not whole: start 2: The log is incomplete: scripted. (/consumer/obj/resim/compose/experience-robot-container.log)",
            warning.Message);
    }

    [Fact]
    public void A_kept_container_s_log_end_is_one_live_high_importance_message_per_service_and_no_RSIM110()
    {
        const string End = "start 1: the container was kept running after the verdict, so its log here ends after 7 bytes of this start; `docker logs` of the kept container has the rest";
        ServiceResult[] services =
        [
            new() { Name = "orchestrator", LogFile = "/consumer/obj/resim/compose/experience-orchestrator-container.log", LogKeptEnd = End },
            new() { Name = "robot", LogFile = "/consumer/obj/resim/compose/experience-robot-container.log", LogKeptEnd = End },
        ];
        var executor = new ScriptedExecutor((r, f, _, _) => System.Threading.Tasks.Task.FromResult(Passed(r, f) with { Services = [.. services] }));
        using var task = Task(executor, ComposeItems.Experience("exp/compose.yml", ("KeepContainers", "true")));

        Assert.True(task.Execute());

        Assert.Empty(engine.Warnings);
        foreach (var service in services)
        {
            var message = Assert.Single(engine.Messages, m => m.Message!.Contains($"'{service.Name}' ends where its container was kept", StringComparison.Ordinal));
            Assert.Equal(MessageImportance.High, message.Importance);
            Assert.Equal("TLTESTOUTPUT", Assert.IsType<ExtendedBuildMessageEventArgs>(message).ExtendedType);
            Assert.Equal($"[compose] The log of service '{service.Name}' ends where its container was kept: {End} ({service.LogFile})", message.Message);
        }
    }

    [Fact]
    public void No_items_is_a_success_that_says_so()
    {
        var executor = new ScriptedExecutor((r, f, _, _) => System.Threading.Tasks.Task.FromResult(Passed(r, f)));
        using var task = Task(executor);

        Assert.True(task.Execute());

        Assert.Contains(engine.Messages, m => m.Message!.Contains("no ComposeExperience items", StringComparison.Ordinal));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
