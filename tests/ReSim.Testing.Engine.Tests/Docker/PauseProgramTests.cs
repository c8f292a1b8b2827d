using System.Buffers.Binary;
using ReSim.Testing.Engine.Docker;

namespace ReSim.Testing.Engine.Tests.Docker;

/// <summary>
/// The sandbox program (R12) checked byte by byte. The amd64 program also runs on this machine in
/// <see cref="DockerRuntimeSandboxTests"/>; the arm64 one cannot run in these tests, so its structure and encodings are checked.
/// </summary>
public sealed class PauseProgramTests
{
    [Theory]
    [InlineData("amd64", PauseProgram.MachineX8664, 0x1000)]
    [InlineData("arm64", PauseProgram.MachineAarch64, 0x10000)]
    public void The_program_is_a_static_ELF64_executable_with_one_loadable_segment_holding_its_entry(string architecture, ushort machine, ulong alignment)
    {
        var elf = PauseProgram.For(architecture)!;

        Assert.Equal([0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1], elf[..7]);
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(16)));
        Assert.Equal(machine, BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(18)));
        Assert.Equal(64UL, BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(32)));
        Assert.Equal(0UL, BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(40)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(56)));

        var header = elf.AsSpan(64);
        Assert.Equal(1U, BinaryPrimitives.ReadUInt32LittleEndian(header));
        Assert.Equal(5U, BinaryPrimitives.ReadUInt32LittleEndian(header[4..]));
        Assert.Equal(0UL, BinaryPrimitives.ReadUInt64LittleEndian(header[8..]));
        var start = BinaryPrimitives.ReadUInt64LittleEndian(header[16..]);
        var size = BinaryPrimitives.ReadUInt64LittleEndian(header[32..]);
        Assert.Equal((ulong)elf.Length, size);
        Assert.Equal(size, BinaryPrimitives.ReadUInt64LittleEndian(header[40..]));
        Assert.Equal(alignment, BinaryPrimitives.ReadUInt64LittleEndian(header[48..]));
        Assert.Equal(0UL, start % alignment);

        var entry = BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(24));
        Assert.InRange(entry, start + 120, start + size - 1);
        Assert.True(elf.Length <= 192, $"the program should stay tiny, was {elf.Length} bytes");
    }

    [Fact]
    public void The_x86_64_program_reads_one_byte_of_stdin_while_bytes_come_then_calls_exit_group_0()
    {
        var code = PauseProgram.For("amd64")![120..];

        Assert.Equal([0x31, 0xC0], code[..2]); // eax = 0: read
        Assert.Equal([0x31, 0xFF], code[2..4]); // edi = 0: stdin
        Assert.Equal([0x48, 0x89, 0xE6], code[4..7]); // rsi = rsp: a byte on the stack
        Assert.Equal([0xBA, 1, 0, 0, 0], code[7..12]); // edx = 1
        Assert.Equal([0x0F, 0x05], code[12..14]);
        Assert.Equal([0x48, 0x85, 0xC0], code[14..17]); // test rax, rax
        Assert.Equal(0x7F, code[17]); // jg: only a positive count reads again
        Assert.Equal(0, 19 + (sbyte)code[18]);
        Assert.Equal([0xB8, 231, 0, 0, 0], code[19..24]); // eax = 231: exit_group
        Assert.Equal([0x31, 0xFF, 0x0F, 0x05], code[24..]); // status 0
    }

    [Fact]
    public void The_arm64_program_reads_one_byte_of_stdin_while_bytes_come_then_calls_exit_group_0()
    {
        var code = PauseProgram.For("arm64")![120..];
        var instructions = Enumerable.Range(0, code.Length / 4).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(code.AsSpan(i * 4))).ToArray();

        Assert.Equal(0, code.Length % 4);
        Assert.Equal(10, instructions.Length);
        Assert.Equal(MovZ(0, 0), instructions[0]); // fd 0
        Assert.Equal(0x910003E1u, instructions[1]); // add x1, sp, #0
        Assert.Equal(MovZ(2, 1), instructions[2]); // one byte
        Assert.Equal(MovZ(8, 63), instructions[3]); // __NR_read
        Assert.Equal(0xD4000001u, instructions[4]);
        Assert.Equal(0xF100001Fu, instructions[5]); // subs xzr, x0, #0
        var branch = instructions[6];
        Assert.Equal(0x54000000u, branch & 0xFF000010u); // b.cond
        Assert.Equal(0xCu, branch & 0xF); // GT
        Assert.Equal(-6, (int)(branch << 8) >> 13);
        Assert.Equal(MovZ(0, 0), instructions[7]);
        Assert.Equal(MovZ(8, 94), instructions[8]); // __NR_exit_group
        Assert.Equal(0xD4000001u, instructions[9]);
    }

    [Fact]
    public void An_architecture_without_a_program_gets_none()
    {
        Assert.Null(PauseProgram.For("s390x"));
    }

    private static uint MovZ(uint register, uint value) => 0xD2800000u | (value << 5) | register;
}
