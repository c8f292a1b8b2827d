using System.Buffers.Binary;

namespace ReSim.Testing.Engine.Docker;

/// <summary>
/// The sandbox's only file: a static ELF64 executable, a few dozen bytes, that waits until its standard input closes (R12).
/// </summary>
/// <remarks>
/// <para>Built from bytes here so the sandbox needs no registry and no tool: one ELF header, one program header that loads
/// the whole file read+execute at <see cref="LoadAddress"/>, then a loop that reads one byte of standard input onto the
/// stack and goes on while the read returns more than 0; on end of file or an error it calls <c>exit_group(0)</c>.</para>
/// <para>Its standard input is the owner's attach stream (<see cref="SandboxHolds"/>): when the owning process ends, even by
/// SIGKILL, the engine closes it, the program exits, and with it the PID namespace every service shares, whose processes the
/// kernel then kills. The container runs with an init process (Docker's <c>Init</c>), which forwards SIGTERM; the program
/// installs no handler, so the default action ends it.</para>
/// </remarks>
internal static class PauseProgram
{
    /// <summary>Where the file is mapped; the conventional base of a non-PIE executable, aligned to 64 KiB pages.</summary>
    internal const ulong LoadAddress = 0x400000;

    /// <summary>Size of the ELF64 file header.</summary>
    internal const int ElfHeaderSize = 64;

    /// <summary>Size of one ELF64 program header.</summary>
    internal const int ProgramHeaderSize = 56;

    /// <summary><c>EM_X86_64</c>.</summary>
    internal const ushort MachineX8664 = 62;

    /// <summary><c>EM_AARCH64</c>.</summary>
    internal const ushort MachineAarch64 = 183;

    /// <summary>The x86-64 program.</summary>
    /// <remarks>
    /// <c>31 c0</c> xor eax, eax (__NR_read = 0; reloaded each time, the kernel returns the result in rax);
    /// <c>31 ff</c> xor edi, edi (fd 0); <c>48 89 e6</c> mov rsi, rsp; <c>ba 01 00 00 00</c> mov edx, 1; <c>0f 05</c> syscall;
    /// <c>48 85 c0</c> test rax, rax; <c>7f ed</c> jg -19, back to the start while bytes came;
    /// <c>b8 e7 00 00 00</c> mov eax, 231 (__NR_exit_group); <c>31 ff</c> xor edi, edi; <c>0f 05</c> syscall.
    /// </remarks>
    internal static ReadOnlySpan<byte> X8664Code =>
    [
        0x31, 0xC0, 0x31, 0xFF, 0x48, 0x89, 0xE6, 0xBA, 0x01, 0x00, 0x00, 0x00, 0x0F, 0x05,
        0x48, 0x85, 0xC0, 0x7F, 0xED, 0xB8, 0xE7, 0x00, 0x00, 0x00, 0x31, 0xFF, 0x0F, 0x05,
    ];

    /// <summary>The aarch64 program, as little-endian 32-bit instructions.</summary>
    /// <remarks>
    /// <c>d2800000</c> movz x0, #0 (fd 0); <c>910003e1</c> mov x1, sp; <c>d2800022</c> movz x2, #1;
    /// <c>d28007e8</c> movz x8, #63 (__NR_read; 0xd2800000 | 63 &lt;&lt; 5 | 8); <c>d4000001</c> svc #0;
    /// <c>f100001f</c> cmp x0, #0; <c>54ffff4c</c> b.gt -24 (imm19 -6, condition GT = 12), back to the start while bytes came;
    /// <c>d2800000</c> movz x0, #0; <c>d2800bc8</c> movz x8, #94 (__NR_exit_group); <c>d4000001</c> svc #0.
    /// </remarks>
    internal static ReadOnlySpan<uint> Aarch64Code =>
        [0xD2800000, 0x910003E1, 0xD2800022, 0xD28007E8, 0xD4000001, 0xF100001F, 0x54FFFF4C, 0xD2800000, 0xD2800BC8, 0xD4000001];

    /// <summary>Builds the program for a Docker architecture name.</summary>
    /// <param name="architecture">The engine's architecture as Docker names it (<c>amd64</c>, <c>arm64</c>).</param>
    /// <returns>The executable's bytes, or <see langword="null"/> for an architecture without a sandbox program.</returns>
    internal static byte[]? For(string architecture) => architecture switch
    {
        "amd64" or "x86_64" => Build(MachineX8664, 0x1000, X8664Code),
        "arm64" or "aarch64" => Build(MachineAarch64, 0x10000, LittleEndian(Aarch64Code)),
        _ => null,
    };

    private static byte[] LittleEndian(ReadOnlySpan<uint> instructions)
    {
        var bytes = new byte[instructions.Length * 4];
        for (var i = 0; i < instructions.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * 4), instructions[i]);
        }

        return bytes;
    }

    private static byte[] Build(ushort machine, ulong pageAlignment, ReadOnlySpan<byte> code)
    {
        var file = new byte[ElfHeaderSize + ProgramHeaderSize + code.Length];
        var elf = file.AsSpan();

        // e_ident: magic, ELFCLASS64, ELFDATA2LSB, EV_CURRENT, ELFOSABI_SYSV; the rest is padding.
        ReadOnlySpan<byte> identification = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0];
        identification.CopyTo(elf);
        BinaryPrimitives.WriteUInt16LittleEndian(elf[16..], 2); // e_type: ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(elf[18..], machine); // e_machine
        BinaryPrimitives.WriteUInt32LittleEndian(elf[20..], 1); // e_version: EV_CURRENT
        BinaryPrimitives.WriteUInt64LittleEndian(elf[24..], LoadAddress + ElfHeaderSize + ProgramHeaderSize); // e_entry: the code
        BinaryPrimitives.WriteUInt64LittleEndian(elf[32..], ElfHeaderSize); // e_phoff: right after this header
        BinaryPrimitives.WriteUInt16LittleEndian(elf[52..], ElfHeaderSize); // e_ehsize
        BinaryPrimitives.WriteUInt16LittleEndian(elf[54..], ProgramHeaderSize); // e_phentsize
        BinaryPrimitives.WriteUInt16LittleEndian(elf[56..], 1); // e_phnum; no section headers (e_shoff, e_shnum stay 0)

        var segment = elf[ElfHeaderSize..];
        BinaryPrimitives.WriteUInt32LittleEndian(segment, 1); // p_type: PT_LOAD
        BinaryPrimitives.WriteUInt32LittleEndian(segment[4..], 5); // p_flags: PF_R | PF_X
        BinaryPrimitives.WriteUInt64LittleEndian(segment[16..], LoadAddress); // p_vaddr (p_offset stays 0: the whole file)
        BinaryPrimitives.WriteUInt64LittleEndian(segment[24..], LoadAddress); // p_paddr
        BinaryPrimitives.WriteUInt64LittleEndian(segment[32..], (ulong)file.Length); // p_filesz
        BinaryPrimitives.WriteUInt64LittleEndian(segment[40..], (ulong)file.Length); // p_memsz
        BinaryPrimitives.WriteUInt64LittleEndian(segment[48..], pageAlignment); // p_align

        code.CopyTo(elf[(ElfHeaderSize + ProgramHeaderSize)..]);
        return file;
    }
}
