import TimmyAssembler
import TimmyCore
import TimmyCreative
import TimmyFileTools
import TimmyGit

/// The tool families the swarm runs with. A new family is a target of its own and a line here.
public enum ToolFamilies {
    public static let standard: [ToolFamily] = [FileTools.family, GitTools.family, CreativeTools.family, AssemblerTools.family]
}
