using ReSim.Testing.Reporting;

namespace ReSim.Testing.Xunit.Tests.Reporting;

/// <summary>Attachment names that make both of xUnit's hosts write the platform's file names.</summary>
public class AttachmentNamesTests
{
    [Theory]
    [InlineData("metrics.csv", "text/csv", "metrics", "metrics.csv")]
    [InlineData("outputs_result.json", "application/json", "outputs_result", "outputs_result.json")]
    [InlineData("outputs_report.xml", "application/xml", "outputs_report", "outputs_report.xml")]
    [InlineData("outputs_a.txt", "text/plain", "outputs_a", "outputs_a.txt")]
    [InlineData("outputs_blob.bin", "application/octet-stream", "outputs_blob", "outputs_blob.bin")]
    [InlineData("report.html", "text/html", "report", "report.html")]
    [InlineData("experience-robot-container.log", "text/plain", "experience-robot-container.log", "experience-robot-container.log.txt")]
    [InlineData("timeline.jsonl", "text/plain", "timeline.jsonl", "timeline.jsonl.txt")]
    [InlineData("outputs_run.mcap", "application/octet-stream", "outputs_run.mcap", "outputs_run.mcap.bin")]
    public void The_key_drops_the_extension_the_host_adds_so_the_file_keeps_its_own_name(string file, string mediaType, string key, string written)
    {
        Assert.Equal(key, AttachmentNames.Key(file, mediaType));
        Assert.Equal(written, AttachmentNames.HostFileName(key, mediaType));
        // The VSTest adapter always appends the media type's extension: the same file name.
        Assert.Equal(written, key + MediaTypeUtility.GetFileExtension(mediaType));
    }

    [Theory]
    [InlineData("metrics", "text/csv")]
    [InlineData("experience-robot-container.log", "text/plain")]
    [InlineData("outputs_a:b|c", "application/json")]
    [InlineData("timeline.jsonl", "text/plain")]
    public void The_predicted_file_name_is_the_one_xUnit_s_testing_platform_bridge_writes(string key, string mediaType) =>
        Assert.Equal(MediaTypeUtility.GetSanitizedFileNameWithExtension(key, mediaType), AttachmentNames.HostFileName(key, mediaType));
}
