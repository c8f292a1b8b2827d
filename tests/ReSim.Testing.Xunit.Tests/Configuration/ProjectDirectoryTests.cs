using ReSim.Testing.Configuration;

namespace ReSim.Testing.Xunit.Tests.Configuration;

public sealed class ProjectDirectoryTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("resim-project-dir-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public void The_folder_recorded_at_build_time_wins_whatever_the_working_directory()
    {
        var found = ProjectDirectory.Of(typeof(ProjectDirectoryTests).Assembly);

        Assert.True(File.Exists(Path.Combine(found.Path, "ReSim.Testing.Xunit.Tests.csproj")), found.Path);
        Assert.StartsWith("recorded at build time", found.HowFound);
    }

    [Fact]
    public void Without_the_recorded_folder_the_nearest_folder_with_the_assembly_s_project_file_is_used()
    {
        var project = root.CreateSubdirectory("Robot.Tests");
        File.WriteAllText(Path.Combine(project.FullName, "Robot.Tests.csproj"), "<Project />");
        File.WriteAllText(Path.Combine(root.FullName, "Other.csproj"), "<Project />");
        var output = project.CreateSubdirectory(Path.Combine("bin", "Debug", "net10.0"));

        var found = ProjectDirectory.FromAssemblyFolder(output.FullName, "Robot.Tests");

        Assert.Equal(project.FullName, found.Path);
        Assert.Contains("Robot.Tests.csproj", found.HowFound);
    }

    [Fact]
    public void Without_a_project_file_of_the_assembly_s_name_the_nearest_project_file_is_used()
    {
        var project = root.CreateSubdirectory("renamed");
        File.WriteAllText(Path.Combine(project.FullName, "Something.fsproj"), "<Project />");
        var output = project.CreateSubdirectory(Path.Combine("out", "net10.0"));

        Assert.Equal(project.FullName, ProjectDirectory.FromAssemblyFolder(output.FullName, "Robot.Tests").Path);
    }

    [Fact]
    public void Relative_paths_resolve_against_the_folder_and_absolute_paths_stay()
    {
        var project = new ProjectDirectory(root.FullName, "a test");
        var absolute = Path.Combine(Path.GetTempPath(), "elsewhere", "compose.yml");

        Assert.Equal(Path.Combine(root.FullName, "experiences", "compose.yml"), project.Resolve("experiences/compose.yml"));
        Assert.Equal(Path.Combine(root.FullName, "compose.yml"), project.Resolve("experiences/../compose.yml"));
        Assert.Equal(absolute, project.Resolve(absolute));
    }
}
