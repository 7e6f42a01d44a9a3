import ArgumentParser
import DocPipe
import DocPipeCore
import Foundation

/// Options shared by the commands that run a pipeline.
struct PipelineOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The pipeline file.", discussion: "Default: Pipelines/default.yml when it exists, else every stage with its defaults.", valueName: "FILE"))
    var pipeline: String?

    /// Loads the pipeline, printing a located error and exiting with 2 when it is invalid.
    func load() throws -> Pipeline {
        do {
            let spec: PipelineSpec
            if let path = pipeline {
                spec = try PipelineSpec.load(path: path)
            } else if FileManager.default.fileExists(atPath: "Pipelines/default.yml") {
                spec = try PipelineSpec.load(path: "Pipelines/default.yml")
            } else {
                spec = .builtin
            }
            return try Pipeline(spec: spec)
        } catch {
            warn("docpipe: " + error.description)
            throw ExitCode(2)
        }
    }
}
