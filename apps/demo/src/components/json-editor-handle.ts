/** What a form needs of the JSON editor: focus, to bring the user to the value after a refused submit. */
export interface JsonEditorHandle {
  focus(): void
}
