/** vshStringToArray: comma-separated fields, `,,` standing for a comma (the specs of snapshot-create-as and checkpoint-create-as). */
export function commaFields(text: string): string[] {
  return text.split(/(?<!,),(?!,)/).map((field) => field.replaceAll(',,', ','));
}
