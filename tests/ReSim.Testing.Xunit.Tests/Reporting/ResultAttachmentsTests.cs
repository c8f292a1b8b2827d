using System.Text;
using ReSim.Testing.Engine.Results;
using ReSim.Testing.Reporting;
using ReSim.Testing.Xunit.Tests.Support;

namespace ReSim.Testing.Xunit.Tests.Reporting;

public sealed class ResultAttachmentsTests : IDisposable
{
    private readonly ResultFolder folder = new();
    private readonly RecordingReport report = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Outputs_beyond_the_limit_are_left_out_and_listed_in_a_note_with_where_they_are()
    {
        Directory.CreateDirectory(Path.Combine(folder.Outputs, "maps"));
        File.WriteAllBytes(Path.Combine(folder.Outputs, "a-small.txt"), new byte[40]);
        File.WriteAllBytes(Path.Combine(folder.Outputs, "b-big.bin"), new byte[100]);
        File.WriteAllBytes(Path.Combine(folder.Outputs, "maps", "c-map.csv"), new byte[50]);

        new ResultAttachments(report, maxOutputBytes: 100, maxLogBytes: 1000).AttachAll(folder.Result(ExperienceVerdict.Passed));

        Assert.Contains("outputs_a-small.txt", report.Attachments.Keys);
        Assert.Contains("outputs_maps_c-map.csv", report.Attachments.Keys);
        Assert.DoesNotContain("outputs_b-big.bin", report.Attachments.Keys);
        var note = report.Text(ResultAttachments.LeftOutNoteName);
        Assert.Equal(
            "1 output(s) were not attached. Outputs are attached up to 100 bytes (ComposeExperienceOptions.MaxAttachedOutputBytes); links, FIFOs, sockets and devices are never read. "
                + $"The outputs are in {folder.Outputs}:{Environment.NewLine}  b-big.bin: 100 bytes, past the limit of 100 bytes for all outputs together",
            note);
        Assert.Contains("ReSim warning: output 'b-big.bin' was not attached: 100 bytes, past the limit of 100 bytes for all outputs together.", report.Lines);
    }

    [Fact]
    public void Outputs_whose_flattened_names_collide_each_get_a_unique_attachment_name_and_the_output_says_so()
    {
        Directory.CreateDirectory(Path.Combine(folder.Outputs, "a"));
        File.WriteAllText(Path.Combine(folder.Outputs, "a", "b.txt"), "in a folder");
        File.WriteAllText(Path.Combine(folder.Outputs, "a_b.txt"), "flat");
        File.WriteAllText(Path.Combine(folder.Outputs, "A_B.txt"), "upper case");

        new ResultAttachments(report, maxOutputBytes: 100, maxLogBytes: 1000).AttachAll(folder.Result(ExperienceVerdict.Passed));

        Assert.Equal(
            [("outputs_A_B.txt", "upper case"), ("outputs_a_b~2.txt", "in a folder"), ("outputs_a_b~3.txt", "flat")],
            report.Attachments.Keys.Where(k => k.StartsWith(ResultAttachments.OutputPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Select(k => (k, report.Text(k))));
        Assert.Contains("ReSim: output 'a/b.txt' is attached as outputs_a_b~2.txt, since another output is already attached as outputs_a_b.txt.", report.Lines);
        Assert.False(report.Attachments.ContainsKey(ResultAttachments.LeftOutNoteName));
    }

    [Fact]
    public void Nothing_is_left_out_when_the_outputs_fit()
    {
        File.WriteAllText(Path.Combine(folder.Outputs, "result.json"), "{}");

        new ResultAttachments(report, maxOutputBytes: 100, maxLogBytes: 1000).AttachAll(folder.Result(ExperienceVerdict.Passed));

        Assert.Equal("application/json", report.Attachments["outputs_result.json"].MediaType);
        Assert.False(report.Attachments.ContainsKey(ResultAttachments.LeftOutNoteName));
    }

    [Fact]
    public void A_log_longer_than_the_limit_is_attached_from_its_end_with_a_note_at_the_top_R21()
    {
        File.WriteAllText(folder.Log("node"), string.Concat(Enumerable.Range(1, 200).Select(i => $"line {i:000}\n")));

        new ResultAttachments(report, maxOutputBytes: 100, maxLogBytes: 90).AttachAll(folder.Result(ExperienceVerdict.Passed));

        var log = report.Text("experience-node-container.log");
        Assert.StartsWith("[ReSim.Testing: this log has 1800 bytes; only its last 90 are attached.", log);
        Assert.EndsWith("line 199\nline 200\n", log);
        Assert.DoesNotContain("line 001", log);
    }

    [Fact]
    public void Files_the_engine_did_not_write_are_not_attached()
    {
        File.Delete(Path.Combine(folder.Path, "metrics.jsonl"));
        Directory.Delete(folder.Outputs);

        new ResultAttachments(report, maxOutputBytes: 100, maxLogBytes: 1000).AttachAll(folder.Result(ExperienceVerdict.Failed));

        Assert.Equal(
            ["experience-node-container.log", "experience-orchestrator-container.log", "timeline.jsonl"],
            report.Attachments.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("text/plain", report.Attachments["experience-node-container.log"].MediaType);
        Assert.Equal("node up\nnode listening on 7001\n", Encoding.UTF8.GetString(report.Attachments["experience-node-container.log"].Content));
    }
}
